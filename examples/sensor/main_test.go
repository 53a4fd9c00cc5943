package main

import (
	"testing"

	"github.com/asyncgen/asyncgen/examples/internal/exampletest"
)

var program = exampletest.Example{Run: run, Script: "sensor.py"}

// TestOutput runs the program under virtual time and compares its output
// with testdata/output.golden, which CPython recorded from sensor.py.
func TestOutput(t *testing.T) { program.TestGo(t) }

// TestPython runs sensor.py under CPython and compares it with the golden.
func TestPython(t *testing.T) { program.TestPython(t) }
