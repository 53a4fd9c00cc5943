package rt

// These tests run the same program on rt and, when python3 is installed,
// on CPython's asyncio (testdata/*.py, on a virtual-time loop that jumps
// like rt.VirtualTime), and require the same trace. The wanted trace is
// also kept here, so the ordering is asserted without python too.

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func matchCPython(t *testing.T, script, want, got string) {
	t.Helper()
	assert.Equal(t, want, got, "rt trace vs golden")
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skipf("python3 not found: compared with the golden trace only, not with CPython running testdata/%s", script)
	}
	cmd := exec.Command(py, script)
	cmd.Dir = "testdata"
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s: %s", filepath.Join("testdata", script), out)
	assert.Equal(t, string(out), got, "rt trace vs CPython asyncio")
}

func TestCPythonHops(t *testing.T) {
	hops(t, func(b, c, a, d Awaitable[string]) erased { return await(Gather(b, c, a, d)) },
		func(v any) []string { return v.([]string) })
}

// TestCPythonHopsGather4: Gather4 schedules as Gather (and asyncio.gather).
func TestCPythonHopsGather4(t *testing.T) {
	hops(t, func(b, c, a, d Awaitable[string]) erased { return await(Gather4(b, c, a, d)) },
		func(v any) []string {
			t := v.(Tuple4[string, string, string, string])
			return []string{t.V0, t.V1, t.V2, t.V3}
		})
}

// hops runs hops.py's program, with gather for its gather of two running
// tasks and two coroutines, and values for its result.
func hops(t *testing.T, gather func(b, c, a, d Awaitable[string]) erased, values func(any) []string) {
	tr := &trace{}
	var a, b, g *Task[string]
	main := scriptAsync(
		func(any, error) erased {
			tr.log("main start")
			return await(SpawnAsync(workerAsync(tr, "a", 2), Name("alpha")))
		},
		func(v any, _ error) erased { a = v.(*Task[string]); return await(SpawnAsync(workerAsync(tr, "b", 3))) },
		func(v any, _ error) erased {
			b = v.(*Task[string])
			tr.log("spawned %s %s", a.Name(), b.Name())
			return await(SleepAsync(0))
		},
		func(any, error) erased {
			tr.log("main resumed")
			return await(SpawnAsync(workerAsync(tr, "ticker", 8)))
		},
		func(v any, _ error) erased {
			g = v.(*Task[string])
			return gather(b, workerAsync(tr, "c", 1), a, workerAsync(tr, "d", 0))
		},
		func(v any, _ error) erased {
			tr.log("gathered %s", strings.Join(values(v), " "))
			return await(Awaitable[string](a))
		},
		func(v any, _ error) erased {
			tr.log("awaited done task %s", v)
			return await(Awaitable[string](g))
		},
	)
	_, err := Run(main)
	require.NoError(t, err)
	matchCPython(t, "hops.py", `main start
spawned alpha Task-3
a step 0
b step 0
main resumed
a step 1
b step 1
ticker step 0
c step 0
d done
a done
b step 2
ticker step 1
c done
b done
ticker step 2
ticker step 3
gathered b c a d
awaited done task a
ticker step 4
ticker step 5
ticker step 6
ticker step 7
ticker done
`, tr.String())
}

func TestCPythonTimers(t *testing.T) {
	tr := &trace{}
	fut := NewFuture[int]()
	viaGather := scriptAsync(
		func(any, error) erased { return await(Gather(SleepAsync(time.Second))) },
		func(any, error) erased { return await(NowAsync()) },
		func(v any, _ error) erased { tr.log("via_gather woke at %s", seconds(v.(time.Time))); return nil },
	)
	viaFuture := scriptAsync(
		func(any, error) erased { return await(Awaitable[int](fut)) },
		func(v any, _ error) erased { tr.log("via_future got %v", v); return nil },
	)
	setter := scriptAsync(
		func(any, error) erased { return await(SleepAsync(time.Second)) },
		func(any, error) erased { tr.log("setter sets"); fut.SetResult(7); return nil },
	)
	children := []Awaitable[any]{
		anyOf(sleeperAsync(tr, "s3", 3*time.Second)),
		anyOf(sleeperAsync(tr, "s1a", time.Second)),
		viaGather,
		anyOf(sleeperAsync(tr, "s1b", time.Second)),
		setter,
		viaFuture,
		anyOf(sleeperAsync(tr, "s2", 2*time.Second)),
	}
	var tasks []Awaitable[any]
	var steps []func(any, error) erased
	for _, ch := range children {
		steps = append(steps, func(any, error) erased { return await(SpawnAsync(ch)) })
		steps = append(steps, func(v any, _ error) erased { tasks = append(tasks, v.(*Task[any])); return nil })
	}
	steps = append(steps,
		func(any, error) erased { return await(SleepAsync(time.Second)) },
		func(any, error) erased { return await(NowAsync()) },
		func(v any, _ error) erased {
			tr.log("main woke at %s", seconds(v.(time.Time)))
			return await(workerAsync(tr, "main", 6))
		},
		func(any, error) erased { return await(Gather(tasks...)) },
		func(any, error) erased { return await(NowAsync()) },
		func(v any, _ error) erased { tr.log("end at %s", seconds(v.(time.Time))); return nil },
	)
	_, err := Run(scriptAsync(steps...), VirtualTime())
	require.NoError(t, err)
	matchCPython(t, "timers.py", `s3 sleep 3
s1a sleep 1
s1b sleep 1
s2 sleep 2
main woke at 1
main step 0
s1a woke at 1
s1b woke at 1
setter sets
main step 1
via_future got 7
main step 2
via_gather woke at 1
main step 3
main step 4
main step 5
main done
s2 woke at 2
s3 woke at 3
end at 3
`, tr.String())
}

func TestCPythonFutures(t *testing.T) {
	futures(t, func(g1, f1, g2 Awaitable[string]) erased { return await(Gather(g1, f1, g2)) })
}

// TestCPythonFuturesGather3: Gather3 fails at the first error as Gather
// (and asyncio.gather), the others running on.
func TestCPythonFuturesGather3(t *testing.T) {
	futures(t, func(g1, f1, g2 Awaitable[string]) erased { return await(Gather3(g1, f1, g2)) })
}

// futures runs futures.py's program, with gather for its failing gather.
func futures(t *testing.T, gather func(g1, f1, g2 Awaitable[string]) erased) {
	tr := &trace{}
	fut := NewFuture[int]()
	waiter := func(name string) Awaitable[any] {
		return scriptAsync(
			func(any, error) erased { tr.log("%s waits", name); return await(Awaitable[int](fut)) },
			func(v any, err error) erased {
				if err != nil {
					tr.log("%s error %v", name, err)
				} else {
					tr.log("%s got %v", name, v)
				}
				return nil
			},
		)
	}
	var ticker *Task[string]
	var gatherErr error
	main := scriptAsync(
		func(any, error) erased { return await(SpawnAsync(waiter("w0"))) },
		func(any, error) erased { return await(SpawnAsync(waiter("w1"))) },
		func(any, error) erased { return await(SpawnAsync(waiter("w2"))) },
		func(any, error) erased { return await(SpawnAsync(workerAsync(tr, "t", 4))) },
		func(v any, _ error) erased { ticker = v.(*Task[string]); return await(SleepAsync(0)) },
		func(any, error) erased {
			tr.log("main sets")
			fut.SetResult(42)
			tr.log("main set")
			return await(Awaitable[int](fut))
		},
		func(v any, _ error) erased { tr.log("main got %v at once", v); return await(SleepAsync(0)) },
		func(any, error) erased { tr.log("main after sleep0"); return await(Awaitable[string](ticker)) },
		func(any, error) erased {
			return gather(sleeperAsync(tr, "g1", 2*time.Second), failerAsync(tr, "f1", time.Second), sleeperAsync(tr, "g2", 3*time.Second))
		},
		func(_ any, err error) erased { gatherErr = err; return await(NowAsync()) },
		func(v any, _ error) erased {
			tr.log("gather failed: %v at %s", gatherErr, seconds(v.(time.Time)))
			return await(SleepAsync(5 * time.Second))
		},
		func(any, error) erased { return await(NowAsync()) },
		func(v any, _ error) erased { tr.log("main end at %s", seconds(v.(time.Time))); return nil },
	)
	_, err := Run(main, VirtualTime())
	require.NoError(t, err)
	matchCPython(t, "futures.py", `w0 waits
w1 waits
w2 waits
t step 0
main sets
main set
main got 42 at once
t step 1
w0 got 42
w1 got 42
w2 got 42
main after sleep0
t step 2
t step 3
t done
g1 sleep 2
g2 sleep 3
f1 fails
gather failed: f1 at 1
g1 woke at 2
g2 woke at 3
main end at 6
`, tr.String())
}

// anyOf erases the result type of a coroutine so heterogeneous coroutines
// can be spawned from one list.
func anyOf[T any](aw Awaitable[T]) Awaitable[any] {
	return scriptAsync(func(any, error) erased { return await(aw) })
}
