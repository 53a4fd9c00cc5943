package rt

// Future is a result that some code will set later, like an asyncio
// Future: tasks await it, and each waiter is woken, in the order it began
// waiting, on the loop iteration after the result is set.
//
// A Future needs no loop to be created. It belongs to the loop's goroutine:
// set and await it only from code running on the loop (to hand a result
// over from another goroutine, use the loop's thread-safe call once it
// exists). All waiters must be on the same loop.
type Future[T any] struct {
	waiters waitq
	value   T
	err     error
}

// NewFuture returns a pending future.
func NewFuture[T any]() *Future[T] { return &Future[T]{} }

// SetResult completes f with v and schedules its waiters. It panics if f
// is already done.
func (f *Future[T]) SetResult(v T) {
	f.mustBePending()
	f.value = v
	f.waiters.complete()
}

// SetError completes f with err and schedules its waiters. It panics if f
// is already done.
func (f *Future[T]) SetError(err error) {
	f.mustBePending()
	f.err = err
	f.waiters.complete()
}

func (f *Future[T]) mustBePending() {
	if f.waiters.isDone() {
		panic("rt: future already done")
	}
}

// Done reports whether f has a result or an error.
func (f *Future[T]) Done() bool { return f.waiters.isDone() }

// Result returns f's value and error, or ErrNotDone while it is pending.
func (f *Future[T]) Result() (T, error) {
	if !f.waiters.isDone() {
		var zero T
		return zero, ErrNotDone
	}
	return f.value, f.err
}

// For generated code: AwaitStart is part of the Awaitable protocol: Ready if
// f is done, otherwise c is parked until it is.
func (f *Future[T]) AwaitStart(c *Coro) Status {
	if f.waiters.isDone() {
		return Ready
	}
	f.waiters.add(c.loop, c)
	return Suspended
}

// For generated code: AwaitResult is part of the Awaitable protocol; it
// returns Result.
func (f *Future[T]) AwaitResult() (T, error) { return f.Result() }

func (f *Future[T]) signal() *waitq { return &f.waiters }
