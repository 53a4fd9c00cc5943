package rt_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/stretchr/testify/require"
)

// lingers takes 2 s to clean up after it is cancelled.
//
// async
func lingers(log *[]string) error {
	lp := rt.CurrentLoop()
	defer func() { *log = append(*log, fmt.Sprint("lingers cleaned up at ", lp.Time().Format("05"))) }()
	defer rt.Sleep(2 * time.Second)
	rt.Sleep(time.Hour)
	return nil
}

// async
func scoped(log *[]string, s *rt.TimeoutScope) error {
	_, err := rt.Await(rt.Within(s, lingersAsync(log)))
	*log = append(*log, fmt.Sprint("scope left: ", err)) // only when the scope took the cancellation back
	return err
}

// async
func cancelDuringCleanup(log *[]string) error {
	s := rt.NewTimeout(time.Second)
	t := rt.Spawn(scopedAsync(log, s))
	rt.Sleep(2 * time.Second) // the deadline passed at 1 s; lingers cleans up until 3 s
	t.Cancel()
	_, err := rt.Await(t)
	*log = append(*log, fmt.Sprint("task: ", err, ", expired: ", s.Expired()))
	return nil
}

// TestTimeoutScopeOutsideCancel: a task cancelled from outside while its
// scope's own cancellation unwinds stays cancelled; the scope does not
// turn the outside cancellation into a timeout.
func TestTimeoutScopeOutsideCancel(t *testing.T) {
	var log []string
	_, err := rt.Run(cancelDuringCleanupAsync(&log), rt.VirtualTime())
	require.NoError(t, err)
	require.Equal(t, []string{"lingers cleaned up at 03", "task: rt: canceled, expired: true"}, log)
}

// async
func reenter(s *rt.TimeoutScope) error {
	rt.Await(rt.Within(s, rt.SleepAsync(0)))
	rt.Await(rt.Within(s, rt.SleepAsync(0)))
	return nil
}

// async
func rescheduleLate(s *rt.TimeoutScope) error {
	rt.Await(rt.Within(s, rt.SleepAsync(time.Second)))
	s.Reschedule(time.Time{})
	return nil
}

func TestTimeoutScopeMisuse(t *testing.T) {
	var pe *rt.PanicError
	_, err := rt.Run(reenterAsync(rt.NewTimeout(time.Second)), rt.VirtualTime())
	require.True(t, errors.As(err, &pe), "entering a scope twice: %v", err)
	require.Contains(t, fmt.Sprint(pe.Value), "entered once")
	_, err = rt.Run(rescheduleLateAsync(rt.NewTimeout(time.Second)), rt.VirtualTime())
	require.True(t, errors.As(err, &pe), "rescheduling an exited scope: %v", err)
	require.Contains(t, fmt.Sprint(pe.Value), "Reschedule")
}

// async
func timersLeft(n int) (rt.LoopStats, error) {
	for range n {
		rt.Await(rt.Timeout(time.Hour, rt.SleepAsync(time.Millisecond)))
	}
	return rt.CurrentLoop().Stats(), nil
}

// TestTimeoutScopeDisarms: a block that finishes in time leaves no live
// timer behind: the loop drops the stale ones.
func TestTimeoutScopeDisarms(t *testing.T) {
	st, err := rt.Run(timersLeftAsync(1000), rt.VirtualTime())
	require.NoError(t, err)
	require.Less(t, st.Timers, 200, "stale scope timers pile up: %+v", st)
}

// async
func sleepyCleanup(log *[]string) {
	lp := rt.CurrentLoop()
	defer func() { *log = append(*log, fmt.Sprint("cleaned up at ", lp.Time().Format("05"))) }()
	defer rt.Sleep(2 * time.Second)
	rt.Sleep(time.Hour)
}

// async
func cancelSleepyCleanup(log *[]string) error {
	t := rt.Spawn(sleepyCleanupAsync(log))
	rt.Sleep(time.Second)
	t.Cancel()
	_, err := rt.Await(t)
	*log = append(*log, fmt.Sprint("task: ", err))
	return nil
}

// TestCancelAwaitsDeferredSleep: a deferred call that awaits directly (not
// through a coroutine) waits its full time while its frame unwinds from a
// cancellation; only the await the task was suspended at is interrupted.
func TestCancelAwaitsDeferredSleep(t *testing.T) {
	var log []string
	_, err := rt.Run(cancelSleepyCleanupAsync(&log), rt.VirtualTime())
	require.NoError(t, err)
	require.Equal(t, []string{"cleaned up at 03", "task: rt: canceled"}, log)
}
