package a_test

import (
	"testing"

	"a"
)

// The external test package is the package's own test too.
func TestLoad(t *testing.T) {
	a.Load("k")
}
