package main

import (
	"testing"

	"github.com/asyncgen/asyncgen/examples/internal/exampletest"
)

// TestOutput runs the demo under virtual time and compares its output with
// testdata/output.golden. The demo has no CPython twin: its golden states
// what the design promises (3 units one after another, 1 unit gathered, no
// goroutine per sleeping coroutine), and -update re-records it from the Go
// program.
func TestOutput(t *testing.T) {
	exampletest.Example{Run: run}.TestGo(t)
}
