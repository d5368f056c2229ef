package policies

import (
	"testing"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

func TestClassifyTLSPolicy(t *testing.T) {
	cases := []struct {
		name   string
		want   graph.Tri
		allows string
	}{
		{"ELBSecurityPolicy-TLS13-1-2-2021-06", graph.True, ""},
		{"ELBSecurityPolicy-TLS13-1-2-Res-2021-06", graph.True, ""},
		{"ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04", graph.True, ""},
		{"ELBSecurityPolicy-TLS13-1-3-2021-06", graph.True, ""},
		{"ELBSecurityPolicy-TLS-1-2-2017-01", graph.True, ""},
		{"ELBSecurityPolicy-TLS-1-2-Ext-2018-06", graph.True, ""},
		{"ELBSecurityPolicy-FS-1-2-Res-2020-10", graph.True, ""},
		{"elbsecuritypolicy-tls13-1-2-2021-06", graph.True, ""},
		{"ELBSecurityPolicy-2016-08", graph.False, "TLS 1.0"},
		{"ELBSecurityPolicy-2015-05", graph.False, "TLS 1.0"},
		{"ELBSecurityPolicy-TLS-1-0-2015-04", graph.False, "TLS 1.0"},
		{"ELBSecurityPolicy-TLS-1-1-2017-01", graph.False, "TLS 1.1"},
		{"ELBSecurityPolicy-FS-2018-06", graph.False, "TLS 1.0"},
		{"ELBSecurityPolicy-FS-1-1-2019-08", graph.False, "TLS 1.1"},
		{"ELBSecurityPolicy-TLS13-1-0-2021-06", graph.False, "TLS 1.0"},
		{"ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04", graph.False, "TLS 1.1"},
		{"ELBSecurityPolicy-2011-08", graph.False, "SSL 3.0"},
		{"ELBSample-OpenSSLDefaultCipherPolicy", graph.False, "SSL 3.0"},
		// A prefix of an accepted name, or something else entirely, is not known.
		{"ELBSecurityPolicy-TLS13-1-2", graph.Unknown, ""},
		{"ELBSecurityPolicy-2016-08-custom", graph.Unknown, ""},
		{"my-policy", graph.Unknown, ""},
		{"", graph.Unknown, ""},
	}
	for _, c := range cases {
		got, allows := classifyTLSPolicy(c.name)
		if got != c.want || allows != c.allows {
			t.Errorf("classifyTLSPolicy(%q) = %v, %q; want %v, %q", c.name, got, allows, c.want, c.allows)
		}
	}
}

func TestLBTypeFromARN(t *testing.T) {
	cases := map[string]string{
		"arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188":     lbApplication,
		"arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/net/db/50dc6c495c0c9188":      lbNetwork,
		"arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/gwy/inspect/50dc6c495c0c9188": lbGateway,
		"arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/app/73e2d6bc24d8a067":          "",
		"web": "",
	}
	for arn, want := range cases {
		if got := lbTypeFromARN(arn); got != want {
			t.Errorf("lbTypeFromARN(%q) = %q, want %q", arn, got, want)
		}
	}
}

func TestTargetGroupNameFromARN(t *testing.T) {
	cases := []struct {
		arn, name string
		ok        bool
	}{
		{"arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/db/73e2d6bc24d8a067", "db", true},
		{"arn:aws-us-gov:elasticloadbalancing:us-gov-west-1:111122223333:targetgroup/web-1/0b1c", "web-1", true},
		{"arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/", "", false},
		{"arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/web/50dc", "", false},
		{"db", "", false},
	}
	for _, c := range cases {
		name, ok := targetGroupNameFromARN(c.arn)
		if name != c.name || ok != c.ok {
			t.Errorf("targetGroupNameFromARN(%q) = %q, %v; want %q, %v", c.arn, name, ok, c.name, c.ok)
		}
	}
}

// Messages quote AWS policy names but never free text from the configuration.
func TestPolicyNameForMessage(t *testing.T) {
	for in, want := range map[string]string{
		"ELBSecurityPolicy-2016-08":           "ELBSecurityPolicy-2016-08",
		"ELBSample-ELBDefaultCipherPolicy":    "ELBSample-ELBDefaultCipherPolicy",
		"patient-123-45-6789":                 "the named policy",
		"ELBSecurityPolicy-x \"quoted\" text": "the named policy",
	} {
		if got := policyNameForMessage(in); got != want {
			t.Errorf("policyNameForMessage(%q) = %q, want %q", in, got, want)
		}
	}
}
