package main

import (
	"testing"

	"github.com/asyncgen/asyncgen/examples/internal/exampletest"
)

// The dump has no asyncio twin (asyncio's call graph printing came in
// Python 3.14, in another format): the golden is the Go program's own.
var program = exampletest.Example{Run: run}

// TestOutput runs the program under virtual time and compares its output
// with testdata/output.golden.
func TestOutput(t *testing.T) { program.TestGo(t) }
