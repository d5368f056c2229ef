package policies

import (
	"crypto/sha256"
	"encoding/hex"
)

// FingerprintKey is the SARIF partialFingerprints key of Fingerprint.
const FingerprintKey = "tflintHipaa/v1"

// Fingerprint identifies a finding independent of line numbers: rule, root,
// module path, resource address and attribute path. SARIF's partialFingerprints
// and baselines both use it, so moving code does not reopen alerts.
func Fingerprint(f *Finding) string {
	h := sha256.New()
	for _, part := range []string{f.RuleID, f.Root, f.Module, f.Address, f.Path} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}
