package main

import (
	"testing"

	"github.com/asyncgen/asyncgen/examples/internal/exampletest"
)

var program = exampletest.Example{Run: run, Script: "chess.py"}

// TestOutput runs the exhibition under virtual time and compares its output
// with testdata/output.golden, which CPython recorded from chess.py.
func TestOutput(t *testing.T) { program.TestGo(t) }

// TestPython runs chess.py under CPython and compares it with the golden.
func TestPython(t *testing.T) { program.TestPython(t) }
