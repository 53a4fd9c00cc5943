package rt

// Result is one outcome of GatherAll: a value or an error.
type Result[T any] struct {
	Value T
	Err   error
}

// Gather returns an awaitable that runs aws concurrently and yields their
// results in argument order (asyncio.gather). It is cold: when awaited,
// every argument that is not already running (a *Task or a *Future) is
// wrapped in a new task, in argument order, and those tasks take their
// first step on a later iteration in that order.
//
// It fails with the first error (in completion order) as soon as it
// happens; the other awaitables keep running. A Gather value is meant to
// be awaited once. For awaitables of different result types, Gather2 to
// Gather5 yield a Tuple2 to Tuple5 with the same behaviour.
func Gather[T any](aws ...Awaitable[T]) Awaitable[[]T] {
	return &gatherOp[T]{args: aws}
}

// GatherAll is Gather that waits for every awaitable and reports each
// outcome instead of failing on the first error (asyncio.gather with
// return_exceptions=True).
func GatherAll[T any](aws ...Awaitable[T]) Awaitable[[]Result[T]] {
	return &gatherAllOp[T]{gatherOp[T]{args: aws, all: true}}
}

type gatherOp[T any] struct {
	args     []Awaitable[T] // replaced by the running children when started
	slots    []gatherSlot[T]
	started  bool
	all      bool // GatherAll: never fail early
	finished int
	err      error
	waiters  waitq
}

// gatherSlot is the done callback of one child; it runs on the iteration
// after the child completes, as asyncio's _done_callback.
type gatherSlot[T any] struct {
	g *gatherOp[T]
	i int
}

func (s *gatherSlot[T]) run() { s.g.childDone(s.i) }

func (g *gatherOp[T]) AwaitStart(c *Coro) Status {
	if !g.started {
		g.start(c.loop)
	}
	if g.waiters.done {
		return Ready
	}
	g.waiters.add(c.loop, c)
	c.parked = g
	return Suspended
}

func (g *gatherOp[T]) cancelWait(c *Coro) { g.waiters.cancelWait(c) }

// passCancel: cancelling the task that awaits a gather cancels every child
// still running (asyncio cancels the gather's children); the gather then
// ends with their ErrCanceled.
func (g *gatherOp[T]) passCancel(*Coro) bool {
	for _, aw := range g.args {
		if t, ok := aw.(interface{ Cancel() bool }); ok {
			t.Cancel()
		}
	}
	return true
}

func (g *gatherOp[T]) start(l *loop) {
	g.started = true
	if len(g.args) == 0 {
		g.waiters.done = true
		return
	}
	g.slots = make([]gatherSlot[T], len(g.args))
	for i, aw := range g.args {
		g.slots[i] = gatherSlot[T]{g, i}
		s, ok := aw.(signaler)
		if !ok {
			t := newTask(aw, "")
			t.start(l)
			g.args[i], s = t, t
		}
		if t, ok := g.args[i].(interface{ markObserved() }); ok {
			t.markObserved() // the gather reports its failure
		}
		if w := s.signal(); w.done {
			l.schedule(&g.slots[i]) // asyncio calls a late done callback soon
		} else {
			w.add(l, &g.slots[i])
		}
	}
}

func (g *gatherOp[T]) childDone(i int) {
	g.finished++
	if g.waiters.done {
		return
	}
	if !g.all {
		if _, err := g.args[i].AwaitResult(); err != nil {
			g.err = err
			g.waiters.complete()
			return
		}
	}
	if g.finished == len(g.args) {
		g.waiters.complete()
	}
}

func (g *gatherOp[T]) AwaitResult() ([]T, error) {
	if g.err != nil {
		return nil, g.err
	}
	out := make([]T, len(g.args))
	for i, aw := range g.args {
		out[i], _ = aw.AwaitResult()
	}
	return out, nil
}

type gatherAllOp[T any] struct{ gatherOp[T] }

func (g *gatherAllOp[T]) AwaitResult() ([]Result[T], error) {
	out := make([]Result[T], len(g.args))
	for i, aw := range g.args {
		out[i].Value, out[i].Err = aw.AwaitResult()
	}
	return out, nil
}
