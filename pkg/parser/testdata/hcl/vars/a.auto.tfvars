from_auto    = "auto_a"
from_varfile = "auto_a"
from_cli     = "auto_a"
