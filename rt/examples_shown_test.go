package rt_test

import (
	"testing"

	"github.com/asyncgen/asyncgen/internal/examplecheck"
	"github.com/stretchr/testify/assert"
)

// TestExamplesShowTheirCode: godoc shows every runnable example of rt
// with the async code it runs (a whole-file example: the example and its
// //async helpers, the file holding nothing else).
func TestExamplesShowTheirCode(t *testing.T) {
	names := examplecheck.Check(t, ".")
	assert.GreaterOrEqual(t, len(names), 25, "%v", names)
}
