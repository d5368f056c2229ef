package policies

import "testing"

func TestVersionAtLeast(t *testing.T) {
	cases := []struct {
		v        string
		want     []int
		atLeast  bool
		parsable bool
	}{
		{"15", []int{15}, true, true},
		{"15.4", []int{15}, true, true},
		{"14.12", []int{15}, false, true},
		{"9.6.24", []int{15}, false, true},
		{"16", []int{15}, true, true},
		{"11.8.2", []int{11, 8}, true, true},
		{"11.8", []int{11, 8}, true, true},
		{"11.4.5", []int{11, 8}, false, true},
		{"10.11", []int{11, 8}, false, true},
		{"12.0", []int{11, 8}, true, true},
		{"11", []int{11, 8}, false, true},
		{"", []int{15}, false, false},
		{"latest", []int{15}, false, false},
	}
	for _, c := range cases {
		got, ok := versionAtLeast(c.v, c.want...)
		if got != c.atLeast || ok != c.parsable {
			t.Errorf("versionAtLeast(%q, %v) = %v, %v; want %v, %v", c.v, c.want, got, ok, c.atLeast, c.parsable)
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
