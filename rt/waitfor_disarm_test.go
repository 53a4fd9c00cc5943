package rt_test

import (
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/stretchr/testify/require"
)

// waitForTimersLeft awaits n WaitFors that finish long before their
// timeout, and spawns n more whose waiting tasks are cancelled, then
// reports what the loop holds.
//
// async
func waitForTimersLeft(n int) (rt.LoopStats, error) {
	for range n {
		if _, err := rt.Await(rt.WaitFor(rt.SleepAsync(time.Millisecond), time.Hour)); err != nil {
			return rt.LoopStats{}, err
		}
	}
	tasks := make([]*rt.Task[struct{}], n)
	for i := range tasks {
		tasks[i] = rt.Spawn(rt.WaitFor(rt.SleepAsync(time.Hour), time.Hour))
	}
	rt.Sleep(0)
	for _, t := range tasks {
		t.Cancel()
	}
	for _, t := range tasks {
		rt.Await(t)
	}
	return rt.CurrentLoop().Stats(), nil
}

// TestWaitForDisarms: a WaitFor that ends before its timeout (its aw
// finished, or the waiting task was cancelled) leaves no live timer
// behind; its timer, stale, is dropped when the loop compacts the heap
// instead of holding the task and its result until it is due.
func TestWaitForDisarms(t *testing.T) {
	st, err := rt.Run(waitForTimersLeftAsync(1000), rt.VirtualTime())
	require.NoError(t, err)
	require.Less(t, st.Timers, 200, "WaitFor timers pile up: %+v", st)
}
