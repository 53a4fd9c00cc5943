package rt_test

import (
	"testing"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLoopClosed: Closed turns true with Close, and the handle a task
// gets from CurrentLoop equals the loop's own as a value.
func TestLoopClosed(t *testing.T) {
	lp := rt.NewLoop()
	assert.False(t, lp.Closed())
	got, err := rt.RunOn(lp, rt.CurrentLoopAsync())
	require.NoError(t, err)
	assert.Equal(t, *lp, *got)
	assert.NotEqual(t, *lp, *rt.NewLoop())
	lp.Close()
	assert.True(t, lp.Closed())
	assert.True(t, got.Closed())
}
