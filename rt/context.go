package rt

import "context"

// Context returns the running task's context.Context, for Go APIs that
// take one (database drivers, gRPC, net/http): it is cancelled when the
// task is cancelled, at the Cancel itself (as a Go context is), so that a
// call in flight on another goroutine stops at once while the task
// unwinds; and when the task has ended. A timeout scope's expiry
// (Timeout, Within), which the task survives with ErrTimeout, leaves it
// live; a WaitFor that runs out of time cancels the context of the task it
// made. Deferred calls that still need a live context use
// context.WithoutCancel(rt.Context()). The context is made on the first
// call in a task and kept beside the task, not in it; it derives from
// context.Background, or for the main task of a Run with WithContext from
// that context (its values, and its end, which cancels the task anyway).
// A task started by another (Spawn, and the tasks Gather, WaitFor,
// WaitAny, AsCompleted and Shield make) inherits its spawner's values, as
// asyncio's create_task copies the contextvars: its context carries the
// values of the spawner's, but not its cancellation (as with
// context.WithoutCancel), since a task may outlive its spawner; cancel it
// through its Task or a TaskGroup. Submit and Post, which any goroutine
// may call, pass no values. To give a coroutine other values, pass it a
// context.Context parameter, as Go code does.
// Called from ordinary code, Context returns context.Background().
//
// Context is async: inside an //async function the generator awaits
// ContextAsync.
func Context() context.Context { return context.Background() }

// ContextAsync is the companion of Context.
func ContextAsync() Awaitable[context.Context] { return &contextOp{} }

type contextOp struct{ ctx context.Context }

func (o *contextOp) AwaitStart(c *Coro) Status {
	o.ctx = c.taskContext().ctx
	return Ready
}

func (o *contextOp) AwaitResult() (context.Context, error) { return o.ctx, nil }

// taskContext returns the task's entry in the loop's side table of
// contexts, with its context made on first use.
func (c *Coro) taskContext() *taskContext {
	l := c.loop
	e := l.contexts[c]
	if e != nil && e.ctx != nil {
		return e
	}
	parent := context.Background()
	switch {
	case e != nil: // inherited values (inheritContext)
		parent = context.WithoutCancel(e.values)
	case c == l.main && l.cancelCtx != nil:
		parent = l.cancelCtx
	}
	ctx, cancel := context.WithCancel(parent)
	if c.extra != nil && c.extra.ctxDone {
		cancel() // first asked for after a Cancel (in a deferred call)
	}
	if e != nil {
		e.ctx, e.cancel = ctx, cancel
		return e
	}
	e = &taskContext{ctx: ctx, cancel: cancel, l: l, c: c}
	l.addContext(e)
	return e
}

// addContext enters e in the side table; e drops itself when its task is
// done.
func (l *loop) addContext(e *taskContext) {
	if l.contexts == nil {
		l.contexts = map[*Coro]*taskContext{}
	}
	l.contexts[e.c] = e
	e.c.waiters.add(l, e) // runs when the task is done
}

// inheritContext gives child, a task that spawner has just started, the
// values of spawner's context, as asyncio's create_task copies the current
// contextvars: the child's context (Context) carries them, not the
// spawner's cancellation, since a task may outlive its spawner. A spawner
// whose context is context.Background, as in a run without WithContext,
// passes nothing and costs nothing; otherwise the child gets an entry in
// the side table, its context made only if it asks for it.
func inheritContext(child, spawner *Coro) {
	if spawner == nil || child.waiters.isDone() {
		return
	}
	if v := spawner.contextValues(); v != nil {
		spawner.loop.addContext(&taskContext{values: v, l: spawner.loop, c: child})
	}
}

// contextValues returns the context whose values c's context carries, or
// nil for none (context.Background), without making c's context.
func (c *Coro) contextValues() context.Context {
	l := c.loop
	if l == nil {
		return nil
	}
	if e := l.contexts[c]; e != nil {
		if e.ctx != nil {
			return e.ctx
		}
		return e.values
	}
	if c == l.main && l.cancelCtx != nil {
		return l.cancelCtx
	}
	return nil
}

// cancelContext cancels the task's context, if it has one (Cancel).
func (c *Coro) cancelContext() {
	if e := c.extra; e == nil || !e.ctxDone {
		c.more().ctxDone = true
	}
	c.cancelContextEntry()
}

// cancelContextEntry cancels the context of c's entry in the side table,
// if it has one.
func (c *Coro) cancelContextEntry() {
	if l := c.loop; l != nil && l.contexts != nil {
		if e := l.contexts[c]; e != nil && e.cancel != nil {
			e.cancel()
		}
	}
}

// taskContext is a task's entry in the loop's side table of contexts; it
// is also the task's done callback that cancels the context and drops the
// entry. An entry made by inheritContext holds values until the task asks
// for its context.
type taskContext struct {
	ctx    context.Context
	cancel context.CancelFunc
	values context.Context
	l      *loop
	c      *Coro
}

func (e *taskContext) waiterLoop() *loop { return e.l }

func (e *taskContext) run() {
	if e.cancel != nil {
		e.cancel()
	}
	delete(e.l.contexts, e.c)
}

// ToThreadContext is ToThread for a blocking call that takes a
// context.Context: fn runs on the pool with a context derived from the
// task's (Context), cancelled as soon as the awaiting task is cancelled,
// or when fn has returned, so a database or network call made there stops
// with the task instead of running on unobserved.
//
// ToThreadContext is async: inside an //async function the generator
// awaits ToThreadContextAsync. Called from ordinary code it calls fn with
// context.Background().
func ToThreadContext[T any](fn func(ctx context.Context) (T, error)) (T, error) {
	return fn(context.Background())
}

// ToThreadContextAsync is the companion of ToThreadContext.
func ToThreadContextAsync[T any](fn func(ctx context.Context) (T, error)) Awaitable[T] {
	return &threadCtxOp[T]{ctxFn: fn}
}

type threadCtxOp[T any] struct {
	threadOp[T]
	ctxFn  func(ctx context.Context) (T, error)
	cancel context.CancelFunc
}

func (o *threadCtxOp[T]) AwaitStart(c *Coro) Status {
	ctx, cancel := context.WithCancel(c.taskContext().ctx)
	o.cancel = cancel
	fn := o.ctxFn
	o.fn = func() (T, error) { return fn(ctx) }
	s := o.threadOp.AwaitStart(c)
	c.parked = o // so that cancelling the task reaches cancelWait below
	return s
}

func (o *threadCtxOp[T]) cancelWait(c *Coro) {
	o.threadOp.cancelWait(c)
	o.cancel()
}

func (o *threadCtxOp[T]) AwaitResult() (T, error) {
	if o.cancel != nil {
		o.cancel()
	}
	return o.threadOp.AwaitResult()
}

// WaitContext waits until ctx is done and returns ctx.Err(): the await of
// ctx.Done() from async code, e.g. to end a task when a caller's context
// is cancelled:
//
//	rt.WaitContext(ctx)
//	return ctx.Err()
//
// The wait costs no goroutine while it lasts (context.AfterFunc wakes the
// loop). Cancelling the waiting task stops the wait. Called from ordinary
// code it blocks on ctx.Done().
//
// WaitContext is async: inside an //async function the generator awaits
// WaitContextAsync.
func WaitContext(ctx context.Context) error {
	<-ctx.Done()
	return ctx.Err()
}

// WaitContextAsync is the companion of WaitContext.
func WaitContextAsync(ctx context.Context) Awaitable[struct{}] {
	return &ctxWait{ctx: ctx}
}

type ctxWait struct {
	ctx  context.Context
	c    *Coro
	stop func() bool
}

func (w *ctxWait) AwaitStart(c *Coro) Status {
	if w.ctx.Err() != nil {
		return Ready
	}
	l := c.loop
	w.c = c
	c.parked = w
	l.extWaits++
	w.stop = context.AfterFunc(w.ctx, func() {
		l.inbox.post(func() {
			if w.c == nil {
				return // cancelled meanwhile
			}
			w.c = nil
			c.parked = nil
			l.extWaits--
			l.schedule(c)
		}, false)
	})
	return Suspended
}

func (w *ctxWait) cancelWait(c *Coro) {
	if w.c != nil {
		w.c = nil
		c.loop.extWaits--
		w.stop()
	}
}

func (w *ctxWait) AwaitResult() (struct{}, error) { return struct{}{}, w.ctx.Err() }

// WithContext makes Run cancel its main task once ctx is done, as
// CancelOnSignal does for a signal: the main task unwinds (its deferred
// calls run), the other tasks are cancelled as at every end of Run, and
// Run returns ErrCanceled. It is how a run nested in Go code that holds a
// context (a request handler, a service's lifetime) ends with it.
func WithContext(ctx context.Context) LoopOption {
	return func(l *loop) { l.cancelCtx = ctx }
}

// watchContext arranges WithContext's cancellation; the function it
// returns undoes it.
func (l *loop) watchContext() (stop func()) {
	if l.cancelCtx == nil {
		return func() {}
	}
	s := context.AfterFunc(l.cancelCtx, func() {
		l.inbox.post(func() {
			if m := l.main; m != nil {
				m.Cancel()
			}
		}, false)
	})
	return func() { s() }
}
