package policies_test

import (
	"testing"
)

// BenchmarkPHIRulesCorpus runs the four PHI rules on the synthetic code base
// (200 modules, about 2,000 files). aws-phi-in-tags visits every AWS resource,
// so this is the cost of scanning every tag, name and key of a large
// configuration.
func BenchmarkPHIRulesCorpus(b *testing.B) { benchRulesOnCorpus(b, phiRuleIDs...) }
