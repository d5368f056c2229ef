package gcpolicy

import "testing"

func TestChoose(t *testing.T) {
	env := func(kv ...string) func(string) string {
		m := map[string]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return func(k string) string { return m[k] }
	}
	cases := []struct {
		name   string
		getenv func(string) string
		memory int64
		want   Setting
	}{
		{"defaults with known memory", env(), 8 << 30, Setting{Percent: Percent, Limit: 4 << 30}},
		{"unknown memory sets no limit", env(), 0, Setting{Percent: Percent}},
		{"user GOGC kept", env("GOGC", "50"), 8 << 30, Setting{Limit: 4 << 30}},
		{"user GOGC=off kept", env("GOGC", "off"), 0, Setting{}},
		{"user GOMEMLIMIT kept", env("GOMEMLIMIT", "1GiB"), 8 << 30, Setting{Percent: Percent}},
		{"both kept", env("GOGC", "100", "GOMEMLIMIT", "1GiB"), 8 << 30, Setting{}},
	}
	for _, c := range cases {
		if got := Choose(c.getenv, c.memory); got != c.want {
			t.Errorf("%s: Choose = %+v, want %+v", c.name, got, c.want)
		}
	}
}

func TestMemTotal(t *testing.T) {
	cases := map[string]int64{
		"MemTotal:       16314228 kB\nMemFree:  1 kB\n": 16314228 * 1024,
		"MemFree: 1 kB\nMemTotal: 2048 kB\n":            2048 * 1024,
		"MemTotal: 2048 MB\n":                           0, // unit we do not know
		"MemTotal: lots kB\n":                           0,
		"MemTotal: -5 kB\n":                             0,
		"":                                              0,
		"\x00\xff binary":                               0,
	}
	for in, want := range cases {
		if got := memTotal([]byte(in)); got != want {
			t.Errorf("memTotal(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestCgroupLimit(t *testing.T) {
	cases := []struct {
		v2, v1 string
		want   int64
	}{
		{"max\n", "", 0},
		{"2147483648\n", "", 2 << 30},
		{"", "1073741824\n", 1 << 30},
		{"max\n", "9223372036854771712\n", 0}, // cgroup v1's "unlimited"
		{"", "", 0},
		{"garbage", "", 0},
		{"0", "", 0},
	}
	for _, c := range cases {
		if got := cgroupLimit([]byte(c.v2), []byte(c.v1)); got != c.want {
			t.Errorf("cgroupLimit(%q, %q) = %d, want %d", c.v2, c.v1, got, c.want)
		}
	}
}

// AvailableMemory reads the real machine: whatever it finds must be usable as
// a limit (positive and at least a few MB) or zero.
func TestAvailableMemoryIsSane(t *testing.T) {
	m := AvailableMemory()
	if m != 0 && m < 16<<20 {
		t.Errorf("AvailableMemory() = %d bytes, want 0 (unknown) or a real amount", m)
	}
}
