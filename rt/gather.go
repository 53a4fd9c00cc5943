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
	g := &gatherOp[T]{aws: aws}
	g.args = g
	return g
}

// GatherAll is Gather that waits for every awaitable and reports each
// outcome instead of failing on the first error (asyncio.gather with
// return_exceptions=True).
func GatherAll[T any](aws ...Awaitable[T]) Awaitable[[]Result[T]] {
	g := &gatherAllOp[T]{gatherOp[T]{aws: aws}}
	g.all = true
	g.args = &g.gatherOp
	return g
}

// gatherArgs is what a gather's core needs of its arguments, by index:
// Gather's are one slice of one type, Gather2..Gather5's of several.
type gatherArgs interface {
	count() int
	// begin makes argument i run (a new task unless it already runs),
	// marks it observed (the gather reports its failure) and returns the
	// queue that signals its end.
	begin(i int, spawner *Coro) *waitq
	failure(i int) error // the error of its outcome, once it is done
	cancel(i int)        // cancels it if it runs
}

// gatherCore runs the arguments of Gather, GatherAll and Gather2..Gather5.
type gatherCore struct {
	args     gatherArgs
	slots    []gatherSlot
	started  bool
	all      bool // GatherAll: never fail early
	finished int
	err      error
	waiters  waitq
	loop     *loop // the spawner's, where the slots run
}

// gatherSlot is the done callback of one child; it runs on the iteration
// after the child completes, as asyncio's _done_callback.
type gatherSlot struct {
	g *gatherCore
	i int
}

func (s *gatherSlot) run() { s.g.childDone(s.i) }

func (s *gatherSlot) waiterLoop() *loop { return s.g.loop }

func (g *gatherCore) AwaitStart(c *Coro) Status {
	if !g.started {
		g.start(c)
	}
	if g.waiters.isDone() {
		return Ready
	}
	g.waiters.add(c.loop, c)
	c.parked = g
	return Suspended
}

func (g *gatherCore) cancelWait(c *Coro) { g.waiters.cancelWait(c) }

// passCancel: cancelling the task that awaits a gather cancels every child
// still running (asyncio cancels the gather's children); the gather then
// ends with their ErrCanceled.
func (g *gatherCore) passCancel(*Coro) bool {
	for i := range g.args.count() {
		g.args.cancel(i)
	}
	return true
}

func (g *gatherCore) start(spawner *Coro) {
	l := spawner.loop
	g.started, g.loop = true, l
	n := g.args.count()
	if n == 0 {
		g.waiters.markDone()
		return
	}
	g.slots = make([]gatherSlot, n)
	for i := range g.slots {
		g.slots[i] = gatherSlot{g, i}
		if w := g.args.begin(i, spawner); w.isDone() {
			l.schedule(&g.slots[i]) // asyncio calls a late done callback soon
		} else {
			w.add(l, &g.slots[i])
		}
	}
}

func (g *gatherCore) childDone(i int) {
	g.finished++
	if g.waiters.isDone() {
		return
	}
	if !g.all {
		if err := g.args.failure(i); err != nil {
			g.err = err
			g.waiters.complete()
			return
		}
	}
	if g.finished == len(g.slots) {
		g.waiters.complete()
	}
}

// beginArg is gatherArgs.begin for one awaitable: it returns what now
// stands for it (the task it runs in) and its end queue.
func beginArg[T any](aw Awaitable[T], spawner *Coro) (Awaitable[T], *waitq) {
	s, ok := aw.(signaler)
	if !ok {
		t := newTask(aw, "")
		t.start(spawner.loop)
		inheritContext(&t.Coro, spawner)
		aw, s = t, t
	}
	if t, ok := aw.(interface{ markObserved() }); ok {
		t.markObserved()
	}
	return aw, s.signal()
}

func cancelArg[T any](aw Awaitable[T]) {
	if t, ok := aw.(interface{ Cancel() bool }); ok {
		t.Cancel()
	}
}

type gatherOp[T any] struct {
	gatherCore
	aws []Awaitable[T] // replaced by the running children when started
}

func (g *gatherOp[T]) count() int { return len(g.aws) }

func (g *gatherOp[T]) begin(i int, spawner *Coro) *waitq {
	var w *waitq
	g.aws[i], w = beginArg(g.aws[i], spawner)
	return w
}

func (g *gatherOp[T]) failure(i int) error {
	_, err := g.aws[i].AwaitResult()
	return err
}

func (g *gatherOp[T]) cancel(i int) { cancelArg(g.aws[i]) }

func (g *gatherOp[T]) AwaitResult() ([]T, error) {
	if g.err != nil {
		return nil, g.err
	}
	out := make([]T, len(g.aws))
	for i, aw := range g.aws {
		out[i], _ = aw.AwaitResult()
	}
	return out, nil
}

type gatherAllOp[T any] struct{ gatherOp[T] }

func (g *gatherAllOp[T]) AwaitResult() ([]Result[T], error) {
	out := make([]Result[T], len(g.aws))
	for i, aw := range g.aws {
		out[i].Value, out[i].Err = aw.AwaitResult()
	}
	return out, nil
}
