// Package bench measures tflint-hipaa against the floor no HCL linter can
// beat: parsing every file with hclparse on all cores. It holds only tests
// and benchmarks (see bench_test.go and run.sh); it is deliberately not a
// main package, so that `go install ./...` and pre-commit's golang hooks
// build cmd/tflint-hipaa and nothing else.
package bench
