// Package version reports what binary this is. goreleaser sets the variables
// with -ldflags "-X"; a plain `go build` or `go install` falls back to the
// module version and VCS stamp Go records in the binary.
package version

import (
	"runtime/debug"
)

// Set at link time by goreleaser:
//
//	-X github.com/tflint-hipaa/tflint-hipaa/internal/version.Version={{.Version}}
var (
	Version = ""
	Commit  = ""
	Date    = ""
)

// Info is the version, commit and build date, never empty.
type Info struct {
	Version, Commit, Date string
}

// Get returns the link-time values, else what the Go build recorded.
func Get() Info {
	return resolve(Version, Commit, Date, debug.ReadBuildInfo)
}

func resolve(v, c, d string, read func() (*debug.BuildInfo, bool)) Info {
	info := Info{Version: v, Commit: c, Date: d}
	if bi, ok := read(); ok {
		if info.Version == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			info.Version = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				if info.Commit == "" {
					info.Commit = s.Value
				}
			case "vcs.time":
				if info.Date == "" {
					info.Date = s.Value
				}
			case "vcs.modified":
				if s.Value == "true" && info.Commit != "" && c == "" {
					info.Commit += "-dirty"
				}
			}
		}
	}
	if info.Version == "" {
		info.Version = "dev"
	}
	if info.Commit == "" {
		info.Commit = "none"
	}
	if info.Date == "" {
		info.Date = "unknown"
	}
	return info
}

// String is what --version prints.
func (i Info) String() string {
	return "tflint-hipaa " + i.Version + " (commit " + i.Commit + ", built " + i.Date + ")"
}
