//go:build unix

package parser

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// cpuTime is the process's user+system CPU time. The benchmarks report it
// per op besides wall time: on a shared machine wall time mostly measures
// the neighbours, while CPU time measures the work.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// file() of a FIFO must not block the load.
func TestFileFunctionSkipsFIFO(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644); err != nil {
		t.Skip(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "fifo.tf"), []byte("resource \"aws_s3_object\" \"o\" {\n  content = file(\"${path.module}/pipe\")\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan *Result, 1)
	go func() { done <- Load([]string{dir}, Options{WorkDir: dir}) }()
	select {
	case res := <-done:
		o := resourceAt(t, onlyGraph(t, res), "aws_s3_object.o")
		wantValue(t, "content", o.Attr("content").Value, "unknown")
	case <-time.After(30 * time.Second):
		t.Fatal("Load blocked on a FIFO")
	}
}
