package rt

// Condition lets tasks wait until another task notifies them, like
// asyncio.Condition (and sync.Cond): a task holding L calls Wait, which
// releases L, waits for Notify or NotifyAll, and re-acquires L before it
// returns. Waiters are notified in the order they began waiting. A
// Condition belongs to one loop; it must not be copied after first use.
//
// The usual pattern, in an //async function:
//
//	cond.L.Acquire()
//	defer cond.L.Release()
//	cond.WaitFor(func() bool { return len(items) > 0 })
//	... use items ...
type Condition struct {
	// L is held while testing or changing the condition and around Wait
	// and Notify.
	L       *Lock
	waiters waitList
}

// NewCondition returns a condition over l, or over a new Lock if l is nil.
func NewCondition(l *Lock) *Condition {
	if l == nil {
		l = &Lock{}
	}
	return &Condition{L: l}
}

// Wait releases L, waits until notified, then re-acquires L (waiting in
// line for it like Acquire) and returns. It panics if L is not held. As
// with sync.Cond, the condition may no longer hold when Wait returns;
// WaitFor rechecks it.
//
// Wait is async: inside an //async function the generator awaits
// WaitAsync. Called from ordinary code it always panics, since no task
// could notify it.
//
// If the task is cancelled while it waits, it gets L back before it
// unwinds, waiting in line for it if another task holds it (so a deferred
// L.Release stays balanced, as asyncio's Condition.wait re-acquires the
// lock before raising CancelledError).
func (cv *Condition) Wait() {
	panic("rt: Condition.Wait would block forever: call it from an //async function (where asyncgen awaits WaitAsync) running under rt.Run")
}

// WaitAsync is the companion of Wait. It allocates nothing.
func (cv *Condition) WaitAsync() Awaitable[struct{}] { return (*condWait)(cv) }

type condWait Condition

func (a *condWait) AwaitStart(c *Coro) Status {
	cv := (*Condition)(a)
	if !cv.L.locked {
		panic("rt: Condition.Wait with its lock not held")
	}
	cv.L.release()
	cv.waiters.park(c, cv)
	return Suspended
}

func (a *condWait) AwaitResult() (struct{}, error) { return struct{}{}, nil }

// resume: a notified task re-acquires the lock, at once if it is free,
// else by queueing on it; the Lock's resume then completes the Wait.
func (cv *Condition) resume(w *waiter) bool {
	if cv.L.TryAcquire() {
		return true
	}
	cv.L.waiters.repark(w, cv.L)
	return false
}

func (cv *Condition) abandon(w *waiter, woken bool) {
	cv.L.TryAcquire()
}

// keepOnCancel: a waiting task that is cancelled gets L back before it
// unwinds, waiting in line for it if another task holds it (asyncio's
// Condition.wait re-acquires the lock before raising CancelledError), so
// its deferred L.Release stays balanced. A task already notified is on its
// way to the lock: it goes on and unwinds once it has it.
func (cv *Condition) keepOnCancel(l *waitList, w *waiter) bool {
	if w.woken {
		return true
	}
	l.remove(w)
	c := w.c
	if cv.L.TryAcquire() {
		l.recycle(w)
		c.parked = nil
		c.loop.schedule(c)
		return true
	}
	cv.L.waiters.repark(w, cv.L)
	return true
}

// WaitFor waits until pred returns true: it checks pred, and while pred
// is false it Waits and checks again. L must be held; pred runs with L
// held, on the task that waits.
//
// WaitFor is async: inside an //async function the generator awaits
// WaitForAsync. Called from ordinary code it returns if pred is already
// true and panics otherwise.
func (cv *Condition) WaitFor(pred func() bool) {
	if !cv.L.locked {
		panic("rt: Condition.WaitFor with its lock not held")
	}
	if !pred() {
		panic("rt: Condition.WaitFor would block forever: call it from an //async function (where asyncgen awaits WaitForAsync) running under rt.Run")
	}
}

// WaitForAsync is the companion of WaitFor. It allocates its frame.
func (cv *Condition) WaitForAsync(pred func() bool) Awaitable[struct{}] {
	return &waitForFrame{cv: cv, pred: pred}
}

// waitForFrame is WaitFor written as asyncgen would lower it:
//
//	for !pred() {
//		cv.Wait()
//	}
type waitForFrame struct {
	cv      *Condition
	pred    func() bool
	waiting bool
}

func (f *waitForFrame) AwaitStart(c *Coro) Status      { return c.Push(f) }
func (f *waitForFrame) AwaitResult() (struct{}, error) { return struct{}{}, nil }

func (f *waitForFrame) Resume(c *Coro) Status {
	if !f.waiting && !f.cv.L.locked {
		panic("rt: Condition.WaitFor with its lock not held")
	}
	if f.pred() {
		return Ready
	}
	f.waiting = true
	return (*condWait)(f.cv).AwaitStart(c) // always Suspended
}

// Notify wakes up to n tasks waiting on the condition, in the order they
// began waiting; each returns from Wait once it has re-acquired L, so the
// caller should release L. It panics if L is not held.
func (cv *Condition) Notify(n int) {
	if !cv.L.locked {
		panic("rt: Condition.Notify with its lock not held")
	}
	cv.waiters.wakeN(n)
}

// NotifyAll wakes every task waiting on the condition. It panics if L is
// not held.
func (cv *Condition) NotifyAll() { cv.Notify(cv.waiters.live) }
