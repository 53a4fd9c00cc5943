//go:build unix

package ahttp_test

import (
	"testing"

	"github.com/asyncgen/asyncgen/internal/examplecheck"
	"github.com/stretchr/testify/assert"
)

// TestExamplesShowTheirCode: godoc shows ahttp's runnable examples with
// the async code they run (whole-file examples).
func TestExamplesShowTheirCode(t *testing.T) {
	assert.ElementsMatch(t, []string{"Example", "ExampleGet"}, examplecheck.Check(t, "."))
}
