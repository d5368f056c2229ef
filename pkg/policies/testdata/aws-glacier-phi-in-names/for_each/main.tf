resource "aws_glacier_vault" "per_team" {
  for_each = {
    radiology = "radiology"
    oncology  = "oncology"
    intake    = "1EG4-TE5-MK73"
  }
  name = "archive-${each.value}" # want "aws-glacier-phi-in-names"
}
