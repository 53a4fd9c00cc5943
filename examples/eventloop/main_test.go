package main

import (
	"testing"

	"github.com/asyncgen/asyncgen/examples/internal/exampletest"
)

var program = exampletest.Example{Run: run, Script: "eventloop.py"}

func TestGo(t *testing.T)     { program.TestGo(t) }
func TestPython(t *testing.T) { program.TestPython(t) }
