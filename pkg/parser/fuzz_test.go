package parser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzLoadHCL feeds arbitrary bytes as a module's main.tf. Load must neither
// crash nor hit one of its internal-error guards (which would hide a panic).
func FuzzLoadHCL(f *testing.F) {
	for _, seed := range []string{
		bucketTF,
		`resource "aws_instance" "x" { count = 2
  ami = "ami-${count.index}"
  dynamic "ebs_block_device" {
    for_each = var.v
    content { volume_size = ebs_block_device.value }
  }
}`,
		"variable \"v\" {\n  type = list(object({ a = optional(string, \"x\") }))\n  default = [{}]\n}\nlocals { l = [for x in var.v : x.a] }\n",
		"module \"m\" {\n  source = \"./\"\n  for_each = toset([\"a\"])\n}\n",
		"locals {\n  a = local.b\n  b = local.a\n}\n",
		"output \"o\" { value = templatefile(\"${path.module}/main.tf\", {}) }\n",
		`data "aws_iam_policy_document" "p" { statement { effect = "Deny" } }
resource "aws_s3_bucket_policy" "x" { policy = data.aws_iam_policy_document.p.json }`,
		"x = [[[[{{{(((",
		"\x00\x01\x02",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "main.tf"), data, 0o644); err != nil {
			t.Fatal(err)
		}
		res := Load([]string{dir}, Options{WorkDir: dir})
		for _, d := range res.Diags {
			if strings.Contains(d.Summary, "internal error") {
				t.Fatalf("%s\n%s", d.Summary, d.Detail)
			}
		}
	})
}
