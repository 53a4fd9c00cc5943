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

// parkedOnLoop1 tells started it runs, then waits on an event nobody sets.
//
// async
func parkedOnLoop1(started *rt.Mailbox[int]) error {
	started.Send(rt.LoopIndex())
	var ev rt.Event
	ev.Wait() // line 39
	return nil
}

// groupDeadlock posts a task to loop 1 that parks, then waits on a future
// nobody sets: loop 0 has nothing runnable and nothing pending.
//
// async
func groupDeadlock() (int, error) {
	started := rt.NewMailbox[int]()
	rt.Post(rt.CurrentGroup().Loop(1), parkedOnLoop1Async(started))
	if _, err := started.Recv(); err != nil {
		return 0, err
	}
	f := rt.NewFuture[int]()
	return rt.Await(f) // line 54
}

// TestGroupDeadlockDump: RunGroup's ErrDeadlock carries the dump of every
// loop, as Run's does for its loop.
func TestGroupDeadlockDump(t *testing.T) {
	_, err := rt.RunGroup(groupDeadlockAsync(), rt.Loops(2))
	require.ErrorIs(t, err, rt.ErrDeadlock)
	var de *rt.DeadlockError
	require.True(t, errors.As(err, &de))
	assert.Regexp(t, `loop 0/2:\n  task "Task-1" #1 suspended at deadlock_dump_test.go:54\n`, de.Tasks)
	assert.Regexp(t, `loop 1/2:\n  task "[^"]+" #\d+ suspended at deadlock_dump_test.go:39\n`, de.Tasks)
	assert.Contains(t, err.Error(), "deadlock_dump_test.go:54")
	t.Log(err)
}
