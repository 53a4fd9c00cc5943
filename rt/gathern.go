package rt

// Gather2 through Gather5 gather awaitables of different result types
// (asyncio's gather(fetch(), count()) where one yields a string and the
// other an int), without erasing them to Awaitable[any]: the values come
// back as a Tuple2 ... Tuple5, in argument order.
//
//	t, err := rt.Await(rt.Gather2(fetchAsync(url), countAsync(dir)))
//	body, n := t.Values()
//
// They behave as Gather in every other way: cold until awaited; every
// argument that is not already running (a *Task or a *Future) becomes a
// new task, in argument order; the first error (in completion order) fails
// the gather at once while the others keep running; cancelling the task
// that awaits it cancels every argument still running. A coroutine with no
// value (an Awaitable[struct{}]) takes its place in the tuple as struct{}.

// Gather2 runs a and b concurrently and yields both values (see above).
func Gather2[A, B any](a Awaitable[A], b Awaitable[B]) Awaitable[Tuple2[A, B]] {
	g := &gather2[A, B]{a: gatherArg[A]{aw: a}, b: gatherArg[B]{aw: b}}
	g.args = []gatherIn{&g.a, &g.b}
	return g
}

// Gather3 runs a, b and c concurrently and yields their values (see Gather2).
func Gather3[A, B, C any](a Awaitable[A], b Awaitable[B], c Awaitable[C]) Awaitable[Tuple3[A, B, C]] {
	g := &gather3[A, B, C]{a: gatherArg[A]{aw: a}, b: gatherArg[B]{aw: b}, c: gatherArg[C]{aw: c}}
	g.args = []gatherIn{&g.a, &g.b, &g.c}
	return g
}

// Gather4 runs its four arguments concurrently and yields their values
// (see Gather2).
func Gather4[A, B, C, D any](a Awaitable[A], b Awaitable[B], c Awaitable[C], d Awaitable[D]) Awaitable[Tuple4[A, B, C, D]] {
	g := &gather4[A, B, C, D]{a: gatherArg[A]{aw: a}, b: gatherArg[B]{aw: b}, c: gatherArg[C]{aw: c}, d: gatherArg[D]{aw: d}}
	g.args = []gatherIn{&g.a, &g.b, &g.c, &g.d}
	return g
}

// Gather5 runs its five arguments concurrently and yields their values
// (see Gather2).
func Gather5[A, B, C, D, E any](a Awaitable[A], b Awaitable[B], c Awaitable[C], d Awaitable[D], e Awaitable[E]) Awaitable[Tuple5[A, B, C, D, E]] {
	g := &gather5[A, B, C, D, E]{a: gatherArg[A]{aw: a}, b: gatherArg[B]{aw: b}, c: gatherArg[C]{aw: c}, d: gatherArg[D]{aw: d}, e: gatherArg[E]{aw: e}}
	g.args = []gatherIn{&g.a, &g.b, &g.c, &g.d, &g.e}
	return g
}

type gather2[A, B any] struct {
	gatherCore
	a gatherArg[A]
	b gatherArg[B]
}

func (g *gather2[A, B]) AwaitResult() (Tuple2[A, B], error) {
	if g.err != nil {
		return Tuple2[A, B]{}, g.err
	}
	return Tuple2[A, B]{g.a.value(), g.b.value()}, nil
}

type gather3[A, B, C any] struct {
	gatherCore
	a gatherArg[A]
	b gatherArg[B]
	c gatherArg[C]
}

func (g *gather3[A, B, C]) AwaitResult() (Tuple3[A, B, C], error) {
	if g.err != nil {
		return Tuple3[A, B, C]{}, g.err
	}
	return Tuple3[A, B, C]{g.a.value(), g.b.value(), g.c.value()}, nil
}

type gather4[A, B, C, D any] struct {
	gatherCore
	a gatherArg[A]
	b gatherArg[B]
	c gatherArg[C]
	d gatherArg[D]
}

func (g *gather4[A, B, C, D]) AwaitResult() (Tuple4[A, B, C, D], error) {
	if g.err != nil {
		return Tuple4[A, B, C, D]{}, g.err
	}
	return Tuple4[A, B, C, D]{g.a.value(), g.b.value(), g.c.value(), g.d.value()}, nil
}

type gather5[A, B, C, D, E any] struct {
	gatherCore
	a gatherArg[A]
	b gatherArg[B]
	c gatherArg[C]
	d gatherArg[D]
	e gatherArg[E]
}

func (g *gather5[A, B, C, D, E]) AwaitResult() (Tuple5[A, B, C, D, E], error) {
	if g.err != nil {
		return Tuple5[A, B, C, D, E]{}, g.err
	}
	return Tuple5[A, B, C, D, E]{g.a.value(), g.b.value(), g.c.value(), g.d.value(), g.e.value()}, nil
}

// gatherIn is one argument of a Gather2..Gather5, whatever its type.
type gatherIn interface {
	// begin makes the argument run (a new task unless it already runs),
	// marks it observed (the gather reports its failure) and returns the
	// queue that signals its end.
	begin(l *loop) *waitq
	failure() error // the error of its outcome, once it is done
	cancel()        // cancels it if it runs
}

type gatherArg[T any] struct{ aw Awaitable[T] }

func (a *gatherArg[T]) begin(l *loop) *waitq {
	s, ok := a.aw.(signaler)
	if !ok {
		t := newTask(a.aw, "")
		t.start(l)
		a.aw, s = t, t
	}
	if t, ok := a.aw.(interface{ markObserved() }); ok {
		t.markObserved()
	}
	return s.signal()
}

func (a *gatherArg[T]) failure() error {
	_, err := a.aw.AwaitResult()
	return err
}

func (a *gatherArg[T]) cancel() {
	if t, ok := a.aw.(interface{ Cancel() bool }); ok {
		t.Cancel()
	}
}

func (a *gatherArg[T]) value() T {
	v, _ := a.aw.AwaitResult()
	return v
}

// gatherCore is gatherOp (gather.go) over arguments of different types:
// the same steps in the same order, so that Gather2..Gather5 schedule as
// Gather does.
type gatherCore struct {
	args     []gatherIn
	slots    []gatherCoreSlot
	started  bool
	finished int
	err      error
	waiters  waitq
}

// gatherCoreSlot is the done callback of one argument, as gatherSlot.
type gatherCoreSlot struct {
	g *gatherCore
	i int
}

func (s *gatherCoreSlot) run() { s.g.childDone(s.i) }

func (g *gatherCore) AwaitStart(c *Coro) Status {
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

func (g *gatherCore) cancelWait(c *Coro) { g.waiters.cancelWait(c) }

// passCancel: as gatherOp's, cancelling the awaiting task cancels every
// argument still running.
func (g *gatherCore) passCancel(*Coro) bool {
	for _, a := range g.args {
		a.cancel()
	}
	return true
}

func (g *gatherCore) start(l *loop) {
	g.started = true
	g.slots = make([]gatherCoreSlot, len(g.args))
	for i, a := range g.args {
		g.slots[i] = gatherCoreSlot{g, i}
		if w := a.begin(l); w.done {
			l.schedule(&g.slots[i])
		} else {
			w.add(l, &g.slots[i])
		}
	}
}

func (g *gatherCore) childDone(i int) {
	g.finished++
	if g.waiters.done {
		return
	}
	if err := g.args[i].failure(); err != nil {
		g.err = err
		g.waiters.complete()
		return
	}
	if g.finished == len(g.args) {
		g.waiters.complete()
	}
}
