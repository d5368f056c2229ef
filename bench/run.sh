#!/bin/sh
# Benchmark tflint-hipaa against the parse floor; see README "## Benchmark".
#
#   bench/run.sh                 # generated corpus at 1×, 2×, 4×, 8×, and a 50,000-resource plan
#   bench/run.sh /path/to/code   # the same, plus one row for a real code base
#
# Knobs (environment): BENCH_SCALES (default 1,2,4,8), BENCH_MODULES (modules
# in the 1× corpus, default 200), BENCH_REPEAT (runs per figure, fastest kept,
# default 3), BENCH_PLAN (plan resources, default 50000, 0 skips),
# BENCH_WORK (where corpora are generated and kept between runs), BENCH_GC
# ("cli", the default: floor and full run both set the collector as the CLI
# does, GOGC=400; "go": Go's defaults).
set -eu
cd "$(dirname "$0")/.."
work=${BENCH_WORK:-${TMPDIR:-/tmp}/tflint-hipaa-bench}
mkdir -p "$work"
real=${1:-}
if [ -n "$real" ]; then
	real=$(cd "$real" && pwd)
fi

echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
BENCH_REPORT=1 BENCH_WORK="$work" BENCH_DIR="$real" BENCH_OUT="$work/report.md" \
	go test -count=1 -timeout 3h -run '^TestBenchReport$' ./bench >"$work/report.log" 2>&1 ||
	{ cat "$work/report.log"; exit 1; }
cat "$work/report.md"

# Where the full run spends its time: a CPU profile of the 1× corpus.
BENCH_WORK="$work" BENCH_SCALES=1 go test -count=1 -run '^$' -bench '^BenchmarkFull$' -benchtime 3x \
	-benchmem -cpuprofile "$work/cpu.out" -o "$work/bench.test" ./bench
go tool pprof -top -nodecount 25 "$work/bench.test" "$work/cpu.out" 2>/dev/null | sed -n '1,32p'
echo "# profile: go tool pprof -http : $work/bench.test $work/cpu.out"
