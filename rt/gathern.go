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
	g.with(&g.a, &g.b)
	return g
}

// Gather3 runs a, b and c concurrently and yields their values (see Gather2).
func Gather3[A, B, C any](a Awaitable[A], b Awaitable[B], c Awaitable[C]) Awaitable[Tuple3[A, B, C]] {
	g := &gather3[A, B, C]{a: gatherArg[A]{aw: a}, b: gatherArg[B]{aw: b}, c: gatherArg[C]{aw: c}}
	g.with(&g.a, &g.b, &g.c)
	return g
}

// Gather4 runs its four arguments concurrently and yields their values
// (see Gather2).
func Gather4[A, B, C, D any](a Awaitable[A], b Awaitable[B], c Awaitable[C], d Awaitable[D]) Awaitable[Tuple4[A, B, C, D]] {
	g := &gather4[A, B, C, D]{a: gatherArg[A]{aw: a}, b: gatherArg[B]{aw: b}, c: gatherArg[C]{aw: c}, d: gatherArg[D]{aw: d}}
	g.with(&g.a, &g.b, &g.c, &g.d)
	return g
}

// Gather5 runs its five arguments concurrently and yields their values
// (see Gather2).
func Gather5[A, B, C, D, E any](a Awaitable[A], b Awaitable[B], c Awaitable[C], d Awaitable[D], e Awaitable[E]) Awaitable[Tuple5[A, B, C, D, E]] {
	g := &gather5[A, B, C, D, E]{a: gatherArg[A]{aw: a}, b: gatherArg[B]{aw: b}, c: gatherArg[C]{aw: c}, d: gatherArg[D]{aw: d}, e: gatherArg[E]{aw: e}}
	g.with(&g.a, &g.b, &g.c, &g.d, &g.e)
	return g
}

type gather2[A, B any] struct {
	gatherIns
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
	gatherIns
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
	gatherIns
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
	gatherIns
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
	begin(spawner *Coro) *waitq
	failure() error
	cancel()
}

type gatherArg[T any] struct{ aw Awaitable[T] }

func (a *gatherArg[T]) begin(spawner *Coro) *waitq {
	var w *waitq
	a.aw, w = beginArg(a.aw, spawner)
	return w
}

func (a *gatherArg[T]) failure() error {
	_, err := a.aw.AwaitResult()
	return err
}

func (a *gatherArg[T]) cancel() { cancelArg(a.aw) }

func (a *gatherArg[T]) value() T {
	v, _ := a.aw.AwaitResult()
	return v
}

// gatherIns is the gatherArgs (gather.go) of Gather2..Gather5.
type gatherIns struct {
	gatherCore
	ins []gatherIn
}

func (g *gatherIns) count() int                        { return len(g.ins) }
func (g *gatherIns) begin(i int, spawner *Coro) *waitq { return g.ins[i].begin(spawner) }
func (g *gatherIns) failure(i int) error               { return g.ins[i].failure() }
func (g *gatherIns) cancel(i int)                      { g.ins[i].cancel() }

// with sets the arguments.
func (g *gatherIns) with(ins ...gatherIn) {
	g.ins = ins
	g.args = g
}
