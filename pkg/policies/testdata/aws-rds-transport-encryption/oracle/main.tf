resource "aws_db_instance" "default_options" { # want "aws-rds-transport-encryption"
  engine         = "oracle-ee"
  instance_class = "db.m6i.large"
  license_model  = "bring-your-own-license"
}

resource "aws_db_instance" "named_default" {
  engine            = "oracle-se2"
  instance_class    = "db.m6i.large"
  license_model     = "license-included"
  option_group_name = "default:oracle-se2-19" # want "aws-rds-transport-encryption"
}

resource "aws_db_option_group" "required" {
  name                 = "oracle-nne-required"
  engine_name          = "oracle-ee"
  major_engine_version = "19"

  option {
    option_name = "NATIVE_NETWORK_ENCRYPTION"

    option_settings {
      name  = "SQLNET.ENCRYPTION_SERVER"
      value = "required"
    }
    option_settings {
      name  = "SQLNET.ENCRYPTION_TYPES_SERVER"
      value = "AES256"
    }
  }
}

resource "aws_db_instance" "required" {
  engine            = "oracle-ee"
  instance_class    = "db.m6i.large"
  license_model     = "bring-your-own-license"
  option_group_name = aws_db_option_group.required.name
}

resource "aws_db_option_group" "requested" {
  name                 = "oracle-nne-requested"
  engine_name          = "oracle-ee"
  major_engine_version = "19"

  option {
    option_name = "NATIVE_NETWORK_ENCRYPTION"

    option_settings {
      name  = "SQLNET.ENCRYPTION_SERVER"
      value = "REQUESTED"
    }
  }
}

resource "aws_db_instance" "requested" {
  engine            = "oracle-ee"
  instance_class    = "db.m6i.large"
  license_model     = "bring-your-own-license"
  option_group_name = "oracle-nne-requested" # want "aws-rds-transport-encryption"
}

# NATIVE_NETWORK_ENCRYPTION without SQLNET.ENCRYPTION_SERVER: REQUESTED by default.
resource "aws_db_option_group" "nne_defaults" {
  name                 = "oracle-nne-defaults"
  engine_name          = "oracle-ee"
  major_engine_version = "19"

  option {
    option_name = "NATIVE_NETWORK_ENCRYPTION"
  }
}

resource "aws_db_instance" "nne_defaults" {
  engine            = "oracle-ee"
  instance_class    = "db.m6i.large"
  license_model     = "bring-your-own-license"
  option_group_name = aws_db_option_group.nne_defaults.name # want "aws-rds-transport-encryption"
}

# The SSL option adds a TLS port; the plain-text port stays: not decidable here.
resource "aws_db_option_group" "ssl_only" {
  name                 = "oracle-ssl"
  engine_name          = "oracle-ee"
  major_engine_version = "19"

  option {
    option_name = "SSL"
    port        = 2484

    option_settings {
      name  = "SQLNET.SSL_VERSION"
      value = "1.2"
    }
  }
}

resource "aws_db_instance" "ssl_only" {
  engine            = "oracle-ee"
  instance_class    = "db.m6i.large"
  license_model     = "bring-your-own-license"
  option_group_name = aws_db_option_group.ssl_only.name # undetermined "aws-rds-transport-encryption"
}
