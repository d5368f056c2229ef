// Package gcpolicy sets the garbage collector for a short-lived batch run.
//
// Go's default (GOGC=100) collects whenever the heap doubles. A lint run
// allocates several times its live heap while parsing and evaluating and then
// exits, so most of those collections buy nothing: on the benchmark corpus
// the collector was about 40% of CPU time. Letting the heap grow to five
// times the live data (GOGC=400) removes most of that work. The price is
// memory, so where the machine or container says how much there is, a soft
// limit of half of it makes the collector work harder as that is approached:
// the run slows down instead of being killed for memory, which the default
// setting, having no limit at all, would not do.
package gcpolicy

import (
	"bufio"
	"bytes"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// Percent is the GOGC value used unless the user set GOGC.
const Percent = 400

// Setting is what Apply chose.
type Setting struct {
	Percent int   // GOGC; 0 when the user's GOGC was kept
	Limit   int64 // soft memory limit in bytes; 0 when none was set
}

// Choose decides the setting from the environment and the memory the
// process may use (0 when unknown). A user's GOGC or GOMEMLIMIT is theirs:
// each one set disables the matching part of the policy.
func Choose(getenv func(string) string, memory int64) Setting {
	var s Setting
	if getenv("GOGC") == "" {
		s.Percent = Percent
	}
	if getenv("GOMEMLIMIT") == "" && memory > 0 {
		s.Limit = memory / 2
	}
	return s
}

// Apply sets the collector for this process and returns what it set.
func Apply() Setting {
	s := Choose(os.Getenv, AvailableMemory())
	if s.Percent != 0 {
		debug.SetGCPercent(s.Percent)
	}
	if s.Limit != 0 {
		debug.SetMemoryLimit(s.Limit)
	}
	return s
}

// AvailableMemory is the smaller of the machine's memory and the cgroup
// (container) limit, in bytes; 0 when neither can be read, as on systems
// without /proc.
func AvailableMemory() int64 {
	total := memTotal(readFile("/proc/meminfo"))
	if lim := cgroupLimit(readFile("/sys/fs/cgroup/memory.max"), readFile("/sys/fs/cgroup/memory/memory.limit_in_bytes")); lim > 0 && (total == 0 || lim < total) {
		return lim
	}
	return total
}

func readFile(name string) []byte {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil
	}
	return data
}

// memTotal reads MemTotal from /proc/meminfo ("MemTotal:  16314228 kB").
func memTotal(meminfo []byte) int64 {
	sc := bufio.NewScanner(bytes.NewReader(meminfo))
	for sc.Scan() {
		rest, ok := strings.CutPrefix(sc.Text(), "MemTotal:")
		if !ok {
			continue
		}
		fields := strings.Fields(rest)
		if len(fields) != 2 || fields[1] != "kB" {
			return 0
		}
		kb, err := strconv.ParseInt(fields[0], 10, 64)
		if err != nil || kb <= 0 || kb > 1<<43 {
			return 0
		}
		return kb * 1024
	}
	return 0
}

// cgroupLimit reads a cgroup v2 memory.max ("max" or bytes) or, failing
// that, a cgroup v1 memory.limit_in_bytes, where "no limit" is a huge number.
func cgroupLimit(v2, v1 []byte) int64 {
	for _, data := range [][]byte{v2, v1} {
		s := strings.TrimSpace(string(data))
		if s == "" || s == "max" {
			continue
		}
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n <= 0 || n >= 1<<60 {
			continue
		}
		return n
	}
	return 0
}
