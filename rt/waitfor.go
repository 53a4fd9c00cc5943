package rt

import "time"

// WaitFor runs aw as a task and waits at most d for it (asyncio.wait_for):
// it yields aw's outcome when aw finishes in time; otherwise it cancels the
// task, waits until the task has finished unwinding (its deferred calls
// have run) and fails with ErrTimeout. Cancelling the task that awaits
// WaitFor cancels aw too. Like every awaitable it is cold: the clock starts
// when it is awaited. Timeout bounds aw the same way without a task, inline
// in the awaiting task (asyncio.timeout).
func WaitFor[T any](aw Awaitable[T], d time.Duration) Awaitable[T] {
	return &waitFor[T]{aw: aw, d: d}
}

type waitFor[T any] struct {
	waitForCore
	aw       Awaitable[T]
	d        time.Duration
	t        *Task[T]
	timedOut bool
}

// waitForCore is the part of a WaitFor that its timer's action uses, not
// generic, so that a timer entry can point to it (timerKind).
type waitForCore struct {
	c     *Coro // the waiting task, while the timer may still wake it
	task  *Coro // the task it runs (t)
	state int
}

func (w *waitFor[T]) AwaitStart(c *Coro) Status { return c.Push(w) }

// Resume: state 0 starts the task and the timer and parks; state 1 is
// woken by the task's end or the timer; state 2 waits for a timed-out task
// to finish unwinding; state 3 is the end of a wait that the timer did not
// end (its timer is stale).
func (w *waitFor[T]) Resume(c *Coro) Status {
	if c.Unwinding() {
		if w.t != nil {
			w.t.Cancel()
		}
		w.c = nil
		w.disarm(c.loop)
		return Ready
	}
	switch w.state {
	case 0:
		w.t = newTask(w.aw, "")
		w.aw = nil
		w.t.start(c.loop)
		inheritContext(&w.t.Coro, c)
		w.c, w.task = c, &w.t.Coro
		c.loop.at(c.loop.clock()+int64(w.d), (*waitForTimer)(&w.waitForCore))
		w.state = 1
		return w.t.AwaitStart(c)
	case 1:
		w.c = nil
		if w.t.Done() {
			w.disarm(c.loop)
			return Ready
		}
		// The timer fired first.
		w.timedOut = true
		w.t.Cancel()
		w.state = 2
		return w.t.AwaitStart(c)
	}
	return Ready
}

// disarm makes the timer of a WaitFor whose wait ended before it fired
// stale (state 3), so that the loop drops it from the heap when it
// compacts instead of keeping it, the task and its result until it is due.
func (w *waitFor[T]) disarm(l *loop) {
	if w.state == 1 {
		w.state = 3
		l.timerCancelled()
	}
}

// waitForTimer is a WaitFor seen as its timer's action: if the task is
// still running, take the waiter off it and wake the waiter.
type waitForTimer waitForCore

func (wt *waitForTimer) stale(uint64) bool { return wt.state != 1 }

func (wt *waitForTimer) run() {
	w := (*waitForCore)(wt)
	c := w.c
	if c == nil || w.state != 1 || w.task.Done() {
		return
	}
	w.task.waiters.cancelWait(c)
	c.parked = nil
	c.loop.schedule(c)
}

func (w *waitFor[T]) AwaitResult() (T, error) {
	if w.timedOut {
		if v, err := w.t.Result(); err != ErrCanceled {
			return v, err // it finished anyway, as asyncio reports
		}
		var zero T
		return zero, ErrTimeout
	}
	return w.t.Result()
}
