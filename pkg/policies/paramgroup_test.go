package policies

import (
	"testing"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

func TestVersionAtLeast(t *testing.T) {
	cases := []struct {
		v    string
		want []int
		is   graph.Tri
	}{
		{"15", []int{15}, graph.True},
		{"15.4", []int{15}, graph.True},
		{"14.12", []int{15}, graph.False},
		{"9.6.24", []int{15}, graph.False},
		{"16", []int{15}, graph.True},
		{"11.8.2", []int{11, 8}, graph.True},
		{"11.8", []int{11, 8}, graph.True},
		{"11.4.5", []int{11, 8}, graph.False},
		{"10.11", []int{11, 8}, graph.False},
		{"10", []int{11, 8}, graph.False},
		{"12.0", []int{11, 8}, graph.True},
		// RDS picks the newest 11.x, which may or may not be 11.8 or later.
		{"11", []int{11, 8}, graph.Unknown},
		{"11", []int{11, 0}, graph.True},
		{"", []int{15}, graph.Unknown},
		{"latest", []int{15}, graph.Unknown},
	}
	for _, c := range cases {
		if got := versionAtLeast(c.v, c.want...); got != c.is {
			t.Errorf("versionAtLeast(%q, %v) = %v; want %v", c.v, c.want, got, c.is)
		}
	}
}

func TestFamilyVersion(t *testing.T) {
	cases := map[string]string{
		"postgres15":           "15",
		"aurora-postgresql16":  "16",
		"mysql8.0":             "8.0",
		"aurora-mysql8.0":      "8.0",
		"mariadb11.8":          "11.8",
		"sqlserver-ee-15.0":    "15.0",
		"default.postgres14":   "14",
		"default:oracle-ee-19": "19",
		"redshift-1.0":         "1.0",
		"custom":               "",
	}
	for family, want := range cases {
		got, ok := familyVersion(family)
		if got != want || ok != (want != "") {
			t.Errorf("familyVersion(%q) = %q, %v; want %q", family, got, ok, want)
		}
	}
}

func TestIsDefaultGroupName(t *testing.T) {
	for name, want := range map[string]bool{
		"default.mysql8.0":     true,
		"Default.Postgres14":   true,
		"default:oracle-ee-19": true,
		"default.redshift-1.0": true,
		"defaults-for-app":     false,
		"mysql-default":        false,
		"":                     false,
	} {
		if got := isDefaultGroupName(name); got != want {
			t.Errorf("isDefaultGroupName(%q) = %v, want %v", name, got, want)
		}
	}
}
