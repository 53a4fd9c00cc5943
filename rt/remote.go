package rt

import (
	"fmt"
	"sync"
)

// Remote is a coroutine running as a task on a loop chosen by Submit,
// seen from anywhere else: a task of another loop awaits it (asyncio's
// run_coroutine_threadsafe and wrap_future in one), a plain goroutine
// waits for it with Wait, and anyone may cancel it. Its methods may be
// called from any goroutine.
//
// Awaiting a Remote yields the remote task's result or error, a
// *PanicError if it panicked, and ErrCanceled if it was cancelled (by
// Cancel, by its own loop, or by the group's shutdown). Cancellation
// crosses both ways: cancelling a task that awaits a Remote cancels the
// remote task on its own loop, where its deferred calls run, and the
// awaiter stays parked until the remote task has finished unwinding, as a
// task awaiting a task does.
type Remote[T any] struct {
	target *loop
	task   *Task[T]

	mu        sync.Mutex
	done      bool
	cancelReq bool
	value     T
	err       error
	waiter    *Coro         // the first awaiter: most Remotes have one
	waiters   []*Coro       // the others
	ch        chan struct{} // closed when done, made by Wait
}

// Submit starts aw as a task on loop lp and returns at once; it may be
// called from any goroutine, a task of any loop included. The task takes
// its first step on lp after the calls lp's inbox already holds. Choose lp
// with the Group's placement methods:
//
//	r := rt.Submit(g.ForKey(user), countAsync(user)) // same key, same loop
//	n, err := rt.Await[int](r)                        // from any loop
//
// Submit to a loop that has stopped (its group is shutting down and it
// has finished, or the loop is closed) returns a Remote that is already
// done with ErrCanceled. A Remote nobody awaits keeps its failure to
// itself: use Post for fire-and-forget work whose failures are reported.
func Submit[T any](lp *Loop, aw Awaitable[T], opts ...TaskOption) *Remote[T] {
	r := &Remote[T]{target: lp.l}
	t := newTask(aw, "")
	for _, o := range opts {
		o.apply(&t.Coro)
	}
	t.set(flagObserved) // its outcome goes to the Remote
	r.task = t
	if !postTask(lp.l, (*remoteBegin[T])(r)) {
		r.finish(*new(T), ErrCanceled)
	}
	return r
}

// Post starts aw as a task on loop lp, as Submit does, but keeps no
// handle: fire and forget. A failure of the task is reported by lp's
// ExceptionHandler, as for any task nobody awaited. Post reports false
// when lp has stopped and the coroutine was dropped.
func Post[T any](lp *Loop, aw Awaitable[T], opts ...TaskOption) bool {
	t := newTask(aw, "")
	for _, o := range opts {
		o.apply(&t.Coro)
	}
	l := lp.l
	return postTask(l, callback(func() { t.start(l) }))
}

// postTask hands start to loop l's inbox unless l has stopped taking
// work; a group's loop takes its gate so that the post cannot race with
// its exit (see groupMember.shutdown).
func postTask(l *loop, start runnable) bool {
	if m := l.member; m != nil {
		m.gate.Lock()
		defer m.gate.Unlock()
		if m.exited {
			return false
		}
	} else if l.closed.Load() {
		return false
	}
	l.inbox.postRun(start, false)
	return true
}

// remoteBegin is a Remote as its inbox call on the target loop: it starts
// the task and asks to be told when it is done.
type remoteBegin[T any] Remote[T]

func (b *remoteBegin[T]) run() {
	r := (*Remote[T])(b)
	l, t := r.target, r.task
	t.start(l)
	t.waiters.add(l, (*remoteDone[T])(r))
	r.mu.Lock()
	cancel := r.cancelReq
	r.mu.Unlock()
	if cancel {
		t.Cancel() // cancelled before it started: its body never runs
	}
}

// remoteDone is the remote task's done callback, on the target loop.
type remoteDone[T any] Remote[T]

func (d *remoteDone[T]) waiterLoop() *loop { return d.target }

func (d *remoteDone[T]) run() {
	r := (*Remote[T])(d)
	v, err := r.task.Result()
	r.finish(v, err)
}

// finish records the outcome and wakes the awaiters, each on its own
// loop: directly on the target loop, through the inbox elsewhere.
func (r *Remote[T]) finish(v T, err error) {
	r.mu.Lock()
	r.value, r.err, r.done = v, err, true
	first, ws := r.waiter, r.waiters
	r.waiter, r.waiters = nil, nil
	ch := r.ch
	r.mu.Unlock()
	if ch != nil {
		close(ch)
	}
	if first != nil {
		r.wake(first)
	}
	for _, c := range ws {
		r.wake(c)
	}
}

// wake resumes awaiter c on its own loop: directly on the target loop,
// through c's loop's inbox elsewhere.
func (r *Remote[T]) wake(c *Coro) {
	if c.loop == r.target {
		c.parked = nil
		c.loop.schedule(c)
		return
	}
	c.loop.inbox.postRun((*remoteWake)(c), true)
}

// remoteWake is an awaiter of a Remote as its inbox call on its own loop.
type remoteWake Coro

func (w *remoteWake) run() {
	c := (*Coro)(w)
	c.parked = nil
	c.run()
}

// For generated code: AwaitStart is part of the Awaitable protocol: c parks
// until the remote task is done. Its loop counts the wait as work promised
// by another goroutine, so it neither reports a deadlock nor jumps a virtual
// clock past it.
func (r *Remote[T]) AwaitStart(c *Coro) Status {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.done {
		return Ready
	}
	if r.waiter == nil {
		r.waiter = c
	} else {
		r.waiters = append(r.waiters, c)
	}
	if c.loop != r.target {
		c.loop.inbox.promise()
	}
	c.parked = (*remoteWait[T])(r)
	return Suspended
}

// For generated code: AwaitResult is part of the Awaitable protocol; it
// returns Result.
func (r *Remote[T]) AwaitResult() (T, error) { return r.Result() }

// Result returns the remote task's outcome, or ErrNotDone while it runs.
func (r *Remote[T]) Result() (T, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.done {
		var zero T
		return zero, ErrNotDone
	}
	return r.value, r.err
}

// Done reports whether the remote task has finished.
func (r *Remote[T]) Done() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.done
}

// Wait blocks the calling goroutine until the remote task is done and
// returns its outcome: the way ordinary code waits for a Remote. Never
// call it from a task (it would block the task's loop); await the Remote
// there.
func (r *Remote[T]) Wait() (T, error) {
	r.mu.Lock()
	if !r.done && r.ch == nil {
		r.ch = make(chan struct{})
	}
	ch := r.ch
	done := r.done
	r.mu.Unlock()
	if !done {
		<-ch
	}
	return r.Result()
}

// Cancel asks the remote task to stop, as Task.Cancel does, on its own
// loop; it returns at once. It reports false when the task had already
// finished.
func (r *Remote[T]) Cancel() bool {
	r.mu.Lock()
	if r.done {
		r.mu.Unlock()
		return false
	}
	already := r.cancelReq
	r.cancelReq = true
	r.mu.Unlock()
	if !already {
		// The begin call is ahead of this one in the inbox (Submit posted
		// it first), so the task exists when this runs.
		r.target.inbox.post(func() { r.task.Cancel() }, false)
	}
	return true
}

// remoteWait is a Remote as what a task is parked on.
type remoteWait[T any] Remote[T]

// passCancel forwards the awaiter's cancellation to the remote task; the
// awaiter stays parked until that task is done, and then unwinds.
func (w *remoteWait[T]) passCancel(*Coro) bool { (*Remote[T])(w).Cancel(); return true }

// cancelWait is never used: passCancel always takes charge.
func (w *remoteWait[T]) cancelWait(*Coro) {}

// remoteLinked is a task's done callback that stands for a Remote: Dump
// lists the Remote's awaiters (tasks of other loops) as the task's.
type remoteLinked interface {
	awaiters() []string
}

func (d *remoteDone[T]) awaiters() []string {
	r := (*Remote[T])(d)
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	ws := r.waiters
	if r.waiter != nil {
		ws = append([]*Coro{r.waiter}, ws...)
	}
	for _, c := range ws {
		// Name and id are set before the task can wait: reading them from
		// another loop is safe.
		out = append(out, fmt.Sprintf("task %q #%d on %s (through rt.Submit)", c.Name(), c.ID(), c.loop.label()))
	}
	return out
}

// remoteAwaiters returns, for Dump, who awaits task t through a Remote.
func remoteAwaiters(t *Coro) []string {
	var out []string
	add := func(r runnable) {
		if x, ok := r.(remoteLinked); ok {
			out = append(out, x.awaiters()...)
		}
	}
	if t.waiters.first != nil {
		add(t.waiters.first)
	}
	for _, k := range t.waiters.restCalls() {
		add(k.w)
	}
	return out
}
