package rt

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRunReturnsResult(t *testing.T) {
	tr := &trace{}
	v, err := Run(workerAsync(tr, "w", 2))
	require.NoError(t, err)
	assert.Equal(t, "w", v)
	assert.Equal(t, "w step 0\nw step 1\nw done\n", tr.String())
}

func TestRunReturnsError(t *testing.T) {
	_, err := Run(failerAsync(&trace{}, "boom", time.Millisecond))
	assert.EqualError(t, err, "boom")
}

func TestRunDeadlock(t *testing.T) {
	_, err := Run(Awaitable[int](NewFuture[int]()))
	assert.ErrorIs(t, err, ErrDeadlock)
}

func TestNestedFramesDeep(t *testing.T) {
	v, err := Run(chainAsync(1000))
	require.NoError(t, err)
	assert.Equal(t, 1000, v)
}

func TestSpawnOrderAndNames(t *testing.T) {
	tr := &trace{}
	var tasks []*Task[string]
	main := scriptAsync(
		func(any, error) erased { return await(SpawnAsync(workerAsync(tr, "a", 2), Name("alpha"))) },
		func(v any, _ error) erased {
			tasks = append(tasks, v.(*Task[string]))
			return await(SpawnAsync(workerAsync(tr, "b", 1)))
		},
		func(v any, _ error) erased {
			tasks = append(tasks, v.(*Task[string]))
			tr.log("main spawned")
			for _, t := range tasks {
				tr.log("%s id=%d done=%v", t.Name(), t.ID(), t.Done())
			}
			return await(Awaitable[string](tasks[0]))
		},
		func(v any, err error) erased {
			tr.log("main awaited %v %v", v, err)
			return nil
		},
	)
	_, err := Run(main)
	require.NoError(t, err)
	assert.Equal(t, `main spawned
alpha id=2 done=false
Task-3 id=3 done=false
a step 0
b step 0
a step 1
b done
a done
main awaited a <nil>
`, tr.String())
	v, err := tasks[1].Result()
	assert.Equal(t, "b", v)
	assert.NoError(t, err)
	assert.Equal(t, `Task "Task-3" #3 done`, tasks[1].String())
}

func TestTaskResultNotDone(t *testing.T) {
	var task *Task[string]
	main := scriptAsync(
		func(any, error) erased { return await(SpawnAsync(workerAsync(&trace{}, "a", 1))) },
		func(v any, _ error) erased {
			task = v.(*Task[string])
			_, err := task.Result()
			assert.ErrorIs(t, err, ErrNotDone)
			return nil
		},
	)
	_, err := Run(main)
	require.NoError(t, err)
	// Run cancels what is still pending when the main task ends.
	assert.True(t, task.Done())
	_, err = task.Result()
	assert.ErrorIs(t, err, ErrCanceled)
}

func TestSpawnNaturalPanics(t *testing.T) {
	assert.PanicsWithValue(t,
		"rt.Spawn must be called from an //async function (where asyncgen makes it rt.SpawnAsync); from ordinary code, start a loop with rt.Run",
		func() { Spawn(chainAsync(1)) })
}

func TestNaturalForms(t *testing.T) {
	assert.Nil(t, CurrentTask())
	assert.Nil(t, AllTasks())
	assert.WithinDuration(t, time.Now(), Now(), time.Second)
	start := time.Now()
	Sleep(time.Millisecond)
	assert.GreaterOrEqual(t, time.Since(start), time.Millisecond)
	v, err := Await(chainAsync(3))
	require.NoError(t, err)
	assert.Equal(t, 3, v)
	aw := chainAsync(1)
	assert.Same(t, aw, AwaitAsync(aw))
}

func TestGatherOrderAndResults(t *testing.T) {
	tr := &trace{}
	main := scriptAsync(func(any, error) erased {
		return await(Gather(workerAsync(tr, "a", 2), workerAsync(tr, "b", 0), workerAsync(tr, "c", 1)))
	})
	v, err := Run(main)
	require.NoError(t, err)
	assert.Equal(t, []string{"a", "b", "c"}, v)
	assert.Equal(t, "a step 0\nb done\nc step 0\na step 1\nc done\na done\n", tr.String())
}

func TestGatherEmpty(t *testing.T) {
	v, err := Run(Gather[int]())
	require.NoError(t, err)
	assert.Empty(t, v)
}

func TestGatherFirstErrorOthersKeepRunning(t *testing.T) {
	tr := &trace{}
	main := scriptAsync(
		func(any, error) erased {
			return await(Gather(sleeperAsync(tr, "s2", 2*time.Second), failerAsync(tr, "f1", time.Second)))
		},
		func(v any, err error) erased {
			tr.log("gather: %v %v", v, err)
			return await(SleepAsync(5 * time.Second))
		},
	)
	_, err := Run(main, VirtualTime())
	require.NoError(t, err)
	assert.Equal(t, "s2 sleep 2\nf1 fails\ngather: [] f1\ns2 woke at 2\n", tr.String())
}

func TestGatherAll(t *testing.T) {
	tr := &trace{}
	v, err := Run(GatherAll(sleeperAsync(tr, "s", time.Second), failerAsync(tr, "f", 2*time.Second)), VirtualTime())
	require.NoError(t, err)
	require.Len(t, v, 2)
	assert.Equal(t, Result[string]{Value: "s"}, v[0])
	assert.EqualError(t, v[1].Err, "f")
}

func TestFuture(t *testing.T) {
	f := NewFuture[int]()
	_, err := f.Result()
	assert.ErrorIs(t, err, ErrNotDone)
	f.SetResult(7)
	assert.True(t, f.Done())
	v, err := f.Result()
	assert.Equal(t, 7, v)
	assert.NoError(t, err)
	assert.PanicsWithValue(t, "rt: future already done", func() { f.SetResult(8) })
	assert.PanicsWithValue(t, "rt: future already done", func() { f.SetError(errors.New("x")) })

	tr := &trace{}
	g := NewFuture[string]()
	waiter := func(name string) Awaitable[any] {
		return scriptAsync(
			func(any, error) erased { return await(Awaitable[string](g)) },
			func(v any, err error) erased { tr.log("%s got %v %v", name, v, err); return nil },
		)
	}
	main := scriptAsync(
		func(any, error) erased { return await(SpawnAsync(waiter("w1"))) },
		func(any, error) erased { return await(SpawnAsync(waiter("w2"))) },
		func(any, error) erased { return await(SleepAsync(0)) },
		func(any, error) erased { g.SetError(errors.New("bad")); tr.log("set"); return await(SleepAsync(0)) },
		func(any, error) erased { tr.log("main"); return nil },
	)
	_, err = Run(main)
	require.NoError(t, err)
	assert.Equal(t, "set\nw1 got  bad\nw2 got  bad\nmain\n", tr.String())
}

func TestSleepOrderingAndTies(t *testing.T) {
	tr := &trace{}
	main := scriptAsync(func(any, error) erased {
		return await(Gather(
			sleeperAsync(tr, "c", 3*time.Second),
			sleeperAsync(tr, "a1", time.Second),
			sleeperAsync(tr, "b", 2*time.Second),
			sleeperAsync(tr, "a2", time.Second),
			sleeperAsync(tr, "a3", time.Second),
		))
	})
	_, err := Run(main, VirtualTime())
	require.NoError(t, err)
	assert.Equal(t, `c sleep 3
a1 sleep 1
b sleep 2
a2 sleep 1
a3 sleep 1
a1 woke at 1
a2 woke at 1
a3 woke at 1
b woke at 2
c woke at 3
`, tr.String())
}

func TestVirtualTimeHourIsInstant(t *testing.T) {
	start := time.Now()
	var at []time.Time
	steps := []func(any, error) erased{}
	for i := 0; i < 60; i++ {
		steps = append(steps,
			func(any, error) erased { return await(SleepAsync(time.Minute)) },
			func(any, error) erased { return await(NowAsync()) },
			func(v any, _ error) erased { at = append(at, v.(time.Time)); return nil })
	}
	_, err := Run(scriptAsync(steps...), VirtualTime())
	require.NoError(t, err)
	assert.Less(t, time.Since(start), time.Second)
	require.Len(t, at, 60)
	for i, ts := range at {
		assert.Equal(t, virtualEpoch.Add(time.Duration(i+1)*time.Minute), ts)
	}
}

func TestRealTimeSleep(t *testing.T) {
	start := time.Now()
	_, err := Run(SleepAsync(20 * time.Millisecond))
	require.NoError(t, err)
	assert.GreaterOrEqual(t, time.Since(start), 20*time.Millisecond)
}

func TestPanicEndsOnlyTheTask(t *testing.T) {
	tr := &trace{}
	var task *Task[int]
	main := scriptAsync(
		func(any, error) erased { return await(SpawnAsync(panickerAsync("oops"), Name("p"))) },
		func(v any, _ error) erased {
			task = v.(*Task[int])
			return await(Awaitable[int](task))
		},
		func(v any, err error) erased {
			tr.log("awaited: %v", err)
			return await(workerAsync(tr, "after", 1))
		},
	)
	_, err := Run(main)
	require.NoError(t, err)
	assert.Equal(t, "awaited: rt: panic in task p at frames_test.go:281: oops\nafter step 0\nafter done\n", tr.String())
	_, err = task.Result()
	var pe *PanicError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "oops", pe.Value)
	assert.Equal(t, "p", pe.Task)
	assert.Contains(t, string(pe.Stack), "panickerFrame", "the stack is the panicking one")
	assert.Nil(t, pe.Unwrap())
}

func TestPanicInMainAndUnwrap(t *testing.T) {
	sentinel := errors.New("inner")
	_, err := Run(panickerAsync(fmt.Errorf("wrapped: %w", sentinel)))
	var pe *PanicError
	require.ErrorAs(t, err, &pe)
	assert.ErrorIs(t, err, sentinel)
	assert.Equal(t, "rt: panic in task Task-1 at frames_test.go:281: wrapped: inner", err.Error())
}

func TestCurrentAndAllTasks(t *testing.T) {
	var names []string
	var current *Coro
	main := scriptAsync(
		func(any, error) erased { return await(SpawnAsync(workerAsync(&trace{}, "a", 1), Name("a"))) },
		func(any, error) erased { return await(SpawnAsync(workerAsync(&trace{}, "b", 3), Name("b"))) },
		func(any, error) erased { return await(SleepAsync(0)) },
		func(any, error) erased { return await(SleepAsync(0)) }, // a is done now
		func(any, error) erased { return await(CurrentTaskAsync()) },
		func(v any, _ error) erased { current = v.(*Coro); return await(AllTasksAsync()) },
		func(v any, _ error) erased {
			for _, c := range v.([]*Coro) {
				names = append(names, c.Name())
			}
			return nil
		},
	)
	_, err := Run(main)
	require.NoError(t, err)
	assert.Equal(t, "Task-1", current.Name())
	assert.Equal(t, uint64(1), current.ID())
	assert.Equal(t, []string{"Task-1", "b"}, names)
}

func TestNoGoroutinePerTask(t *testing.T) {
	const n = 10000
	before := runtime.NumGoroutine()
	var during int
	main := scriptAsync(
		func(any, error) erased {
			aws := make([]Awaitable[struct{}], n)
			for i := range aws {
				aws[i] = SleepAsync(time.Second)
			}
			return await(Gather(aws...))
		},
		func(any, error) erased { return nil },
	)
	probe := scriptAsync(
		func(any, error) erased { return await(SleepAsync(time.Millisecond)) },
		func(any, error) erased { during = runtime.NumGoroutine(); return nil },
	)
	_, err := Run(Gather(main, probe), VirtualTime())
	require.NoError(t, err)
	// At most as many: a goroutine another test left behind may end
	// meanwhile, but none may start for the tasks.
	assert.LessOrEqual(t, during, before, "goroutines while %d tasks sleep", n)
}

func TestStringer(t *testing.T) {
	_, err := Run(scriptAsync(
		func(any, error) erased { return await(CurrentTaskAsync()) },
		func(v any, _ error) erased {
			assert.Equal(t, `Task "Task-1" #1 pending`, v.(*Coro).String())
			return nil
		}))
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix((&Coro{extra: &coroExtra{err: errors.New("x")}, waiters: waitq{first: doneMark}}).String(), `Task "Task-0" #0 failed: x`))
}
