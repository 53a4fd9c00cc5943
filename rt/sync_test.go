package rt

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Called from ordinary code, the natural forms succeed when they would not
// wait and panic, naming the companion, when they would.
func TestSyncNaturalForms(t *testing.T) {
	mu := &Lock{}
	mu.Acquire()
	assert.True(t, mu.Locked())
	assert.PanicsWithValue(t, "rt: Lock.Acquire would block: call it from an //async function (where asyncgen awaits AcquireAsync) running under rt.Run, or use TryAcquire", mu.Acquire)
	mu.Release()
	assert.Panics(t, mu.Release)

	ev := &Event{}
	assert.Panics(t, ev.Wait)
	ev.Set()
	ev.Wait()

	s := NewBoundedSemaphore(1)
	s.Acquire()
	assert.Panics(t, s.Acquire)
	s.Release()
	assert.PanicsWithValue(t, "rt: BoundedSemaphore released too many times", s.Release)
	NewSemaphore(0).Release() // unbounded: fine

	cv := NewCondition(nil)
	assert.Panics(t, cv.Wait)
	assert.PanicsWithValue(t, "rt: Condition.Notify with its lock not held", func() { cv.Notify(1) })
	cv.L.Acquire()
	cv.WaitFor(func() bool { return true })
	assert.Panics(t, func() { cv.WaitFor(func() bool { return false }) })

	b := NewBarrier(1)
	i, err := b.Wait()
	assert.Equal(t, 0, i)
	assert.NoError(t, err)
	assert.Panics(t, func() { NewBarrier(2).Wait() })

	q := NewQueue[int](1)
	require.NoError(t, q.Put(1))
	assert.ErrorIs(t, q.TryPut(2), ErrQueueFull)
	assert.PanicsWithValue(t, "rt: Queue.Put on a full queue would block: call it from an //async function (where asyncgen awaits PutAsync) running under rt.Run, or use TryPut", func() { q.Put(2) })
	v, err := q.Get()
	assert.Equal(t, 1, v)
	assert.NoError(t, err)
	_, err = q.TryGet()
	assert.ErrorIs(t, err, ErrQueueEmpty)
	assert.Panics(t, func() { q.Get() })
	assert.Panics(t, q.Join)
	q.TaskDone()
	q.Join()
	assert.PanicsWithValue(t, "rt: Queue.TaskDone called too many times", q.TaskDone)
}

// Shutdown wakes every waiting getter and putter with ErrQueueShutDown;
// values already queued can still be taken, unless it is immediate.
func TestQueueShutdown(t *testing.T) {
	tr := &trace{}
	q := NewQueue[string](1)
	get := func(name string) Awaitable[any] {
		return cscriptAsync(
			func(any, error) erased { return await(q.GetAsync()) },
			func(v any, err error) erased { tr.log("%s: %q %v", name, v, err); return nil })
	}
	put := func(name, v string) Awaitable[any] {
		return cscriptAsync(
			func(any, error) erased { return await(q.PutAsync(v)) },
			func(_ any, err error) erased { tr.log("%s: %v", name, err); return nil })
	}
	var p2 *Task[any]
	main := cscriptAsync(
		func(any, error) erased { return await(Gather(get("g0"), put("p0", "a"), put("p1", "b"))) },
		func(any, error) erased { return await(SpawnAsync(put("p2", "c"))) },
		func(v any, _ error) erased { p2 = v.(*Task[any]); return await(SleepAsync(0)) },
		func(any, error) erased {
			tr.log("len %d", q.Len())
			q.Shutdown(false)
			assert.ErrorIs(t, q.TryPut("x"), ErrQueueShutDown)
			return await(Gather(get("g1"), get("g2")))
		},
		func(any, error) erased { return await(Awaitable[any](p2)) },
	)
	_, err := Run(main)
	require.ErrorIs(t, err, ErrQueueShutDown, "p2's error, the last one awaited")
	assert.Equal(t, `p0: <nil>
g0: "a" <nil>
p1: <nil>
len 1
p2: rt: queue shut down
g1: "b" <nil>
g2: "" rt: queue shut down
`, tr.String())

	q = NewQueue[string](0)
	require.NoError(t, q.TryPut("left"))
	q.Shutdown(true)
	assert.Equal(t, 0, q.Len())
	q.Join() // the dropped value counts as done
	_, err = q.TryGet()
	assert.ErrorIs(t, err, ErrQueueShutDown)
}

// A cancelled Condition waiter takes the lock back when it is free, so
// the deferred Release of its task stays balanced.
func TestConditionCancelRetakesLock(t *testing.T) {
	cv := NewCondition(nil)
	var w *Task[any]
	main := cscriptAsync(
		func(any, error) erased {
			return await(SpawnAsync(cscriptAsync(
				func(any, error) erased { return await(cv.L.AcquireAsync()) },
				func(any, error) erased { return await(cv.WaitAsync()) },
			)))
		},
		func(v any, _ error) erased { w = v.(*Task[any]); return await(SleepAsync(0)) },
		func(any, error) erased {
			assert.False(t, cv.L.Locked())
			w.Cancel()
			return await(Awaitable[any](w))
		},
		func(_ any, err error) erased {
			assert.ErrorIs(t, err, ErrCanceled)
			assert.True(t, cv.L.Locked(), "the cancelled waiter holds the lock again")
			return await(SleepAsync(0))
		},
	)
	_, err := Run(main)
	require.NoError(t, err)
}

// Many waiters get a lock in the order they asked for it.
func TestLockFIFO(t *testing.T) {
	mu := &Lock{}
	var order []int
	var aws []Awaitable[any]
	for i := range 50 {
		aws = append(aws, cscriptAsync(
			func(any, error) erased { return await(mu.AcquireAsync()) },
			func(any, error) erased { order = append(order, i); return await(SleepAsync(0)) },
			func(any, error) erased { mu.Release(); return nil },
		))
	}
	_, err := Run(Gather(aws...))
	require.NoError(t, err)
	for i, v := range order {
		require.Equal(t, i, v)
	}
}
