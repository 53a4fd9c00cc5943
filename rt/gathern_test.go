package rt_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fetchName yields a string after d.
//
// async
func fetchName(log *[]string, name string, d time.Duration) (string, error) {
	rt.Sleep(d)
	*log = append(*log, name)
	return name, nil
}

// count yields an int after d, or fails when n < 0.
//
// async
func count(log *[]string, n int, d time.Duration) (int, error) {
	rt.Sleep(d)
	*log = append(*log, fmt.Sprint("count ", n))
	if n < 0 {
		return 0, errors.New("negative")
	}
	return n, nil
}

// touch yields nothing after d.
//
// async
func touch(log *[]string, d time.Duration) error {
	rt.Sleep(d)
	*log = append(*log, "touched")
	return nil
}

// mixed gathers a string, an int and nothing, and reports the clock.
//
// async
func mixed(log *[]string) (string, error) {
	start := rt.Now()
	t, err := rt.Await(rt.Gather3(fetchNameAsync(log, "a", 2*time.Second), countAsync(log, 7, time.Second), touchAsync(log, 3*time.Second)))
	if err != nil {
		return "", err
	}
	name, n, _ := t.Values()
	return fmt.Sprintf("%s %d after %v", name, n, rt.Now().Sub(start)), nil
}

// TestGatherNMixedTypes: Gather3 of a string, an int and a struct{}
// coroutine runs them concurrently (3s of virtual time, not 6s) and
// yields the values in argument order.
func TestGatherNMixedTypes(t *testing.T) {
	var log []string
	got, err := rt.Run(mixedAsync(&log), rt.VirtualTime())
	require.NoError(t, err)
	assert.Equal(t, "a 7 after 3s", got)
	assert.Equal(t, []string{"count 7", "a", "touched"}, log)
}

// failFast gathers with the typed form or with Gather of erased
// awaitables, where the second fails first; it then sleeps long enough
// for the others to finish, and returns the error and the clock when the
// gather failed.
//
// async
func failFast(log *[]string, typed bool) (string, error) {
	start := rt.Now()
	var err error
	if typed {
		_, err = rt.Await(rt.Gather2(fetchNameAsync(log, "slow", 2*time.Second), countAsync(log, -1, time.Second)))
	} else {
		_, err = rt.Await(rt.Gather(
			rt.Func(func() (any, error) { return rt.Await(fetchNameAsync(log, "slow", 2*time.Second)) }),
			rt.Func(func() (any, error) { return rt.Await(countAsync(log, -1, time.Second)) }),
		))
	}
	failedAt := rt.Now().Sub(start)
	rt.Sleep(5 * time.Second)
	return fmt.Sprintf("%v at %v", err, failedAt), nil
}

// TestGatherNFailsAsGather: the first error fails Gather2 at once, the
// other coroutine running on, exactly as Gather does.
func TestGatherNFailsAsGather(t *testing.T) {
	var typedLog, erasedLog []string
	typed, err := rt.Run(failFastAsync(&typedLog, true), rt.VirtualTime())
	require.NoError(t, err)
	erased, err := rt.Run(failFastAsync(&erasedLog, false), rt.VirtualTime())
	require.NoError(t, err)
	assert.Equal(t, "negative at 1s", typed)
	assert.Equal(t, erased, typed)
	assert.Equal(t, []string{"count -1", "slow"}, typedLog)
	assert.Equal(t, erasedLog, typedLog)
}

// cancelGather spawns a task that awaits a Gather2 of a running task and
// a coroutine, cancels it after 1s and reports what each ended with.
//
// async
func cancelGather(log *[]string) (string, error) {
	running := rt.Spawn(countAsync(log, 1, 3*time.Second))
	awaiter := rt.Spawn(rt.Func(func() (rt.Tuple2[int, string], error) {
		return rt.Await(rt.Gather2[int, string](running, fetchNameAsync(log, "never", 3*time.Second)))
	}))
	rt.Sleep(time.Second)
	awaiter.Cancel()
	_, aerr := rt.Await(awaiter)
	_, rerr := rt.Await(running)
	rt.Sleep(5 * time.Second)
	return fmt.Sprintf("awaiter: %v; running: %v; log: %s", aerr, rerr, strings.Join(*log, ",")), nil
}

// TestGatherNCancel: cancelling the task that awaits a Gather2 cancels
// its arguments, the already running task among them, as Gather does.
func TestGatherNCancel(t *testing.T) {
	var log []string
	got, err := rt.Run(cancelGatherAsync(&log), rt.VirtualTime())
	require.NoError(t, err)
	assert.Equal(t, "awaiter: rt: canceled; running: rt: canceled; log: ", got)
}

// Gather4 and Gather5 yield every value in order.
//
// async
func wide(log *[]string) (string, error) {
	t4, err := rt.Await(rt.Gather4(countAsync(log, 1, 0), fetchNameAsync(log, "b", 0), touchAsync(log, 0), rt.Func(func() (bool, error) { return true, nil })))
	if err != nil {
		return "", err
	}
	t5, err := rt.Await(rt.Gather5(countAsync(log, 1, 0), countAsync(log, 2, 0), countAsync(log, 3, 0), countAsync(log, 4, 0), fetchNameAsync(log, "e", 0)))
	return fmt.Sprint(t4, t5), err
}

func TestGatherNWide(t *testing.T) {
	var log []string
	got, err := rt.Run(wideAsync(&log))
	require.NoError(t, err)
	assert.Equal(t, "{1 b {} true} {1 2 3 4 e}", got)
}
