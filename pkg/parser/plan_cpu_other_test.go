//go:build !unix

package parser

// planProcessCPU is unavailable here; the benchmarks report wall time only.
func planProcessCPU() (int64, bool) { return 0, false }
