package policies_test

import "errors"

// writeFixturePlan regenerates a fixture's plan.json. It is replaced by
// internal/plangen once that lands.
func writeFixturePlan(dir string) error {
	return errors.New("plan generation is not available yet")
}
