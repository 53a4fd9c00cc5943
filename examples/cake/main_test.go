package main

import (
	"testing"

	"github.com/asyncgen/asyncgen/examples/internal/exampletest"
)

var program = exampletest.Example{Run: run, Script: "cake.py"}

// TestOutput runs the program under virtual time and compares its output
// with testdata/output.golden, which CPython recorded from cake.py.
func TestOutput(t *testing.T) { program.TestGo(t) }

// TestPython runs cake.py under CPython and compares its output with the same
// golden.
func TestPython(t *testing.T) { program.TestPython(t) }
