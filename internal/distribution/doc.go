// Package distribution holds the tests of how users get the linter: the
// goreleaser config, the pre-commit hooks and the GitHub Action. It has no
// code of its own.
package distribution
