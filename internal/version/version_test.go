package version

import (
	"runtime/debug"
	"testing"
)

func TestResolve(t *testing.T) {
	stamped := func() (*debug.BuildInfo, bool) {
		return &debug.BuildInfo{
			Main: debug.Module{Version: "v1.2.3"},
			Settings: []debug.BuildSetting{
				{Key: "vcs.revision", Value: "abc123"},
				{Key: "vcs.time", Value: "2026-11-29T10:00:00Z"},
			},
		}, true
	}
	none := func() (*debug.BuildInfo, bool) { return nil, false }
	devel := func() (*debug.BuildInfo, bool) {
		return &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, true
	}
	for _, tc := range []struct {
		name    string
		v, c, d string
		read    func() (*debug.BuildInfo, bool)
		want    Info
	}{
		{"ldflags win", "1.0.0", "deadbeef", "2026-01-01", stamped, Info{"1.0.0", "deadbeef", "2026-01-01"}},
		{"go install", "", "", "", stamped, Info{"v1.2.3", "abc123", "2026-11-29T10:00:00Z"}},
		{"plain go build", "", "", "", devel, Info{"dev", "none", "unknown"}},
		{"no build info", "", "", "", none, Info{"dev", "none", "unknown"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := resolve(tc.v, tc.c, tc.d, tc.read); got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
	if s := (Info{"v1", "c", "d"}).String(); s != "tflint-hipaa v1 (commit c, built d)" {
		t.Errorf("String() = %q", s)
	}
}
