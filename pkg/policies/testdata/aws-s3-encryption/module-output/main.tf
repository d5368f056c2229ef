# The bucket lives in a module; the root configures its encryption through the
# module's output. A bucket named by bucket_prefix cannot be matched by a literal.
module "store" {
  source = "./modules/store"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "store" {
  bucket = module.store.bucket_id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

resource "aws_s3_bucket" "prefixed" { # want "aws-s3-encryption"
  bucket_prefix = "acme-prefixed-"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "literal" {
  bucket = "acme-prefixed-"
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}
