//go:build linux

package main

import (
	"testing"

	"github.com/asyncgen/asyncgen/examples/internal/exampletest"
)

// The pipeline's output is sort(1) and uniq(1)'s, so the golden is the Go
// program's own (there is no asyncio twin).
var program = exampletest.Example{Run: run}

// TestOutput runs the pipeline and compares its output with
// testdata/output.golden.
func TestOutput(t *testing.T) { program.TestGo(t) }
