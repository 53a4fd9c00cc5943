package rt

import "time"

// Loop is an event loop driven by hand, for what Run does not cover:
// callbacks (CallSoon, CallLater, CallAt), RunForever and Stop, several
// coroutines run one after another on the same loop (RunOn), calls handed
// over by other goroutines (CallSoonThreadSafe). Everything but
// CallSoonThreadSafe belongs to the goroutine that runs the loop.
//
// Run(aw) is NewLoop, RunOn(aw), cancelling what is left, and Close.
type Loop struct{ l *loop }

// NewLoop returns a loop that is not running yet.
func NewLoop(opts ...LoopOption) *Loop { return &Loop{newLoop(opts...)} }

// CurrentLoop returns the loop running the current task. Called from
// ordinary code it returns nil.
func CurrentLoop() *Loop { return nil }

// CurrentLoopAsync is the companion of CurrentLoop.
func CurrentLoopAsync() Awaitable[*Loop] { return &currentLoopOp{} }

type currentLoopOp struct{ l *Loop }

func (o *currentLoopOp) AwaitStart(c *Coro) Status   { o.l = &Loop{c.loop}; return Ready }
func (o *currentLoopOp) AwaitResult() (*Loop, error) { return o.l, nil }

// CallSoon runs fn on a later iteration of the loop, after what is already
// scheduled (asyncio call_soon).
func (lp *Loop) CallSoon(fn func()) { lp.l.schedule(callback(fn)) }

// CallLater runs fn once d has passed on the loop's clock (asyncio
// call_later); the returned handle can cancel it.
func (lp *Loop) CallLater(d time.Duration, fn func()) *TimerHandle {
	return lp.CallAt(lp.Time().Add(d), fn)
}

// CallAt runs fn when the loop's clock reaches t (asyncio call_at).
func (lp *Loop) CallAt(t time.Time, fn func()) *TimerHandle {
	h := &TimerHandle{fn: fn, l: lp.l}
	lp.l.at(int64(t.Sub(lp.l.start)), h)
	return h
}

// CallSoonThreadSafe hands fn to the loop from any goroutine (asyncio
// call_soon_threadsafe): it runs on the loop's goroutine on a later
// iteration, and wakes the loop if it is idle.
func (lp *Loop) CallSoonThreadSafe(fn func()) { lp.l.inbox.post(fn, false) }

// Time returns the loop's clock (see Now).
func (lp *Loop) Time() time.Time { return lp.l.now() }

// RunForever runs the loop until Stop is called (asyncio run_forever).
// With nothing to do it waits for a call from another goroutine; it
// returns ErrDeadlock only when nothing at all could ever happen: no
// timer, and the loop was made with VirtualTime (a real-time loop waits
// for CallSoonThreadSafe, as asyncio's does).
func (lp *Loop) RunForever() error {
	l := lp.l
	defer l.claim()()
	l.stopped = false
	for !l.stopped {
		if !l.runOnce() {
			if l.virtual {
				return ErrDeadlock
			}
			l.block(-1)
		}
	}
	return nil
}

// Stop makes RunForever return after the current iteration (asyncio
// stop: callbacks already scheduled for it still run).
func (lp *Loop) Stop() { lp.l.schedule(stopper{lp.l}) }

// Close releases the loop: its thread pool stops and the failures of tasks
// nobody awaited go to the exception handler. Tasks still pending are left
// as they are (cancel them first to run their deferred calls).
func (lp *Loop) Close() { lp.l.close() }

// Closed reports whether Close was called (Run closes its loop when it
// returns). It may be called from any goroutine: a cache of per-loop
// resources, such as idle connections, uses it to drop those of loops
// that are gone. Handles of the same loop are equal as values (*a == *b),
// so a Loop can key a map.
func (lp *Loop) Closed() bool { return lp.l.closed.Load() }

// RunOn runs aw as a task on lp until it is done and returns its outcome
// (asyncio run_until_complete). Other tasks of the loop run meanwhile and
// are left as they are when it returns.
func RunOn[T any](lp *Loop, aw Awaitable[T]) (T, error) {
	l := lp.l
	t := newTask(aw, "")
	t.set(flagObserved) // RunOn returns its outcome
	t.start(l)
	l.main = &t.Coro
	defer func() { l.main = nil }()
	t.waiters.add(l, stopper{l})
	defer l.claim()()
	l.stopped = false
	for !l.stopped {
		if !l.runOnce() {
			var zero T
			return zero, l.deadlock()
		}
	}
	return t.Result()
}

// SpawnOn starts aw as a task on lp from ordinary code, before or between
// runs of the loop (asyncio loop.create_task).
func SpawnOn[T any](lp *Loop, aw Awaitable[T], opts ...TaskOption) *Task[T] {
	t := newTask(aw, "")
	for _, o := range opts {
		o.apply(&t.Coro)
	}
	t.start(lp.l)
	return t
}

// TimerHandle is a callback set with CallLater or CallAt.
type TimerHandle struct {
	fn        func()
	l         *loop
	cancelled bool
}

// Cancel stops the callback from running, if it has not run yet.
func (h *TimerHandle) Cancel() {
	if !h.cancelled {
		h.cancelled = true
		h.l.timerCancelled()
	}
}

func (h *TimerHandle) run() {
	if !h.cancelled {
		h.cancelled = true // so a late Cancel counts nothing
		h.fn()
	}
}

// LoopStats counts what a loop holds: live tasks, callbacks ready to run,
// timers set (cancelled ones included until the heap drops them), tasks
// waiting on the poller for a file descriptor.
type LoopStats struct {
	Tasks, Ready, Timers, IOWaits int
}

// Stats reports what the loop holds now.
func (lp *Loop) Stats() LoopStats {
	n := 0
	for c := lp.l.head; c != nil; c = c.next {
		n++
	}
	return LoopStats{Tasks: n, Ready: lp.l.ready.len(), Timers: len(lp.l.timers) - lp.l.stale, IOWaits: lp.l.ioWaits}
}
