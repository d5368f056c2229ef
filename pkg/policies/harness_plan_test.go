package policies_test

import "github.com/tflint-hipaa/tflint-hipaa/internal/plangen"

// writeFixturePlan regenerates a fixture's plan.json (`-update-plans`):
// terraform and the AWS provider cannot run offline, so internal/plangen
// writes what `terraform show -json` would, from the HCL loader's graph.
func writeFixturePlan(dir string) error {
	return plangen.WriteFixture(dir)
}
