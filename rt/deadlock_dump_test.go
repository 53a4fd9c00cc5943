package rt_test

import (
	"errors"
	"testing"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// waitsOnNothing awaits a future nobody sets.
//
// async
func waitsOnNothing() (int, error) {
	f := rt.NewFuture[int]()
	return rt.Await(f) // line 17
}

// TestDeadlockDump: ErrDeadlock carries the task dump, naming the user's
// line where the main task waits.
func TestDeadlockDump(t *testing.T) {
	_, err := rt.Run(waitsOnNothingAsync())
	require.ErrorIs(t, err, rt.ErrDeadlock)
	var de *rt.DeadlockError
	require.True(t, errors.As(err, &de))
	assert.Contains(t, de.Tasks, `task "Task-1" #1 suspended at `)
	assert.Contains(t, de.Tasks, "deadlock_dump_test.go:17")
	assert.Contains(t, err.Error(), "deadlock_dump_test.go:17")
	t.Log(err)
}
