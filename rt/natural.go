package rt

import "time"

// This file holds the loop-dependent operations that complete at once.
// Each is an async function: inside an //async function the generator
// awaits its XAsync companion, which reads the current loop; the natural
// form, called from ordinary code, has no loop and does what is documented.

// Now returns the loop's clock: real time, or the virtual clock under
// VirtualTime. Called from ordinary code it is time.Now().
func Now() time.Time { return time.Now() }

// NowAsync is the companion of Now.
func NowAsync() Awaitable[time.Time] { return &nowOp{} }

type nowOp struct{ t time.Time }

func (o *nowOp) AwaitStart(c *Coro) Status       { o.t = c.loop.now(); return Ready }
func (o *nowOp) AwaitResult() (time.Time, error) { return o.t, nil }

// CurrentTask returns the running task. Called from ordinary code, where
// no task runs, it returns nil.
func CurrentTask() *Coro { return nil }

// CurrentTaskAsync is the companion of CurrentTask.
func CurrentTaskAsync() Awaitable[*Coro] { return &currentOp{} }

type currentOp struct{ c *Coro }

func (o *currentOp) AwaitStart(c *Coro) Status   { o.c = c; return Ready }
func (o *currentOp) AwaitResult() (*Coro, error) { return o.c, nil }

// AllTasks returns the tasks of the current loop that are not done, in
// creation order, the running one included. Called from ordinary code it
// returns nil.
func AllTasks() []*Coro { return nil }

// AllTasksAsync is the companion of AllTasks.
func AllTasksAsync() Awaitable[[]*Coro] { return &allTasksOp{} }

type allTasksOp struct{ tasks []*Coro }

func (o *allTasksOp) AwaitStart(c *Coro) Status {
	o.tasks = nil
	for t := c.loop.head; t != nil; t = t.next {
		o.tasks = append(o.tasks, t)
	}
	return Ready
}

func (o *allTasksOp) AwaitResult() ([]*Coro, error) { return o.tasks, nil }

// Await waits for aw and returns its result. Inside an //async function
// the generator makes it an await of aw itself (AwaitAsync returns aw).
// Called from ordinary code it runs aw to completion on a private loop
// that blocks the calling goroutine: it is Run(aw). An awaitable made by
// Func from plain Go runs no loop: its function is called directly.
func Await[T any](aw Awaitable[T]) (T, error) {
	if f, ok := aw.(*funcOp[T]); ok {
		return f.f()
	}
	return Run(aw)
}

// AwaitAsync is the companion of Await: it returns aw unchanged.
func AwaitAsync[T any](aw Awaitable[T]) Awaitable[T] { return aw }
