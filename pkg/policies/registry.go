package policies

import "sort"

// registry is every rule, as a plain slice. Add a rule here when you add its file.
var registry = []*Rule{
	VPCFlowLogs,
	CloudTrailMultiRegion,
	CloudTrailEncrypted,
	CloudTrailLogValidation,
	GlacierSecureTransport,
	S3AccessLogging,
	S3PHIInNames,
	GlacierPHIInNames,
	DynamoDBPHIInKeys,
	PHIInTags,
	S3Versioning,
	S3SecureTransport,
	S3Encryption,
	RDSStorageEncrypted,
	EC2DedicatedTenancy,
	VPCDedicatedTenancy,
	EMRDedicatedTenancy,
	EMREncryption,
	RDSTransportEncryption,
	RedshiftRequireSSL,
	RedshiftEncrypted,
	RedshiftCustomerKey,
	RDSCustomerKey,
	AuroraMySQLOnly,
	RDSMultiAZ,
	RDSBackupRetention,
	EBSEncrypted,
	EBSCustomerKey,
	KMSKeyRotation,
	DynamoDBEncrypted,
	DynamoDBPITR,
	ELBListenerEncrypted,
	ELBBackendEncrypted,
	ELBTLSPolicy,
	ELBAccessLogs,
}

// All returns every rule, sorted by id.
func All() []*Rule {
	out := append([]*Rule(nil), registry...)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// ByID returns the rule with the id, or nil.
func ByID(id string) *Rule {
	for _, r := range registry {
		if r.ID == id {
			return r
		}
	}
	return nil
}
