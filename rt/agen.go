package rt

import (
	"runtime/debug"
	"sync"
)

// Async generators (asyncio's `async def` with `yield`, consumed by
// `async for`).
//
// An //async function whose last parameter is `yield func(T) bool` (or
// `yield func(K, V) bool`) and that returns nothing is an async generator:
// it is Go's push iterator with awaits in its body. Its companion FAsync
// drops the yield parameter and returns a Gen[T] (Gen2[K, V]), which an
// async function consumes with a plain range loop:
//
//	//async
//	func ticks(n int, yield func(int) bool) {
//		defer closeDevice() // may be async: awaited when the generator ends
//		for i := range n {
//			rt.Sleep(time.Second)
//			if !yield(i) {
//				return
//			}
//		}
//	}
//
//	//async
//	func show() {
//		for v := range ticksAsync(10) {
//			fmt.Println(v, rt.Now())
//			if v == 2 {
//				break // ticks' yield returns false; its deferred calls run first
//			}
//		}
//	}
//
// Inside async code the generator runs on the consumer's task, as CPython
// runs an async generator inline in the task that iterates it: each turn
// of the loop pushes the generator's frame on the task's frame stack, the
// generator runs until it yields, and the yield detaches its frame and
// hands the value to the loop body. No task, no loop iteration and no
// goroutine per item; the awaits in the generator and in the body suspend
// the one task.
//
// Leaving the loop early closes the generator, as asyncio's aclose does
// (and as `async with contextlib.aclosing(gen)` guarantees), before the
// loop statement completes. A break, a return, or a goto or continue to
// an outer loop resumes the generator at its pending yield, which returns
// false, as in Go: the generator returns and its deferred calls run (and
// may await). A panic in the body or the cancellation of the task unwinds
// the generator from its yield instead, as Go unwinds an iterator with a
// panic and as aclose throws GeneratorExit in: its deferred calls run
// (and may await), with Cancelling true for a cancellation; the code after
// the yield does not run. A deferred recover in the generator stops the
// consumer's panic, as an iterator's does in Go, and the generator that
// returns then makes the loop panic with Go's runtime error for that; a
// generator that yields again after its yield returned false panics with
// Go's error too. A panic in the generator unwinds into the consumer,
// through the loop, as in Go.
//
// From ordinary code a Gen is a plain push iterator: ranging over it runs
// the natural generator, whose awaits are ordinary blocking calls (see
// the package doc's "Natural calls"). So the same loop means the same
// thing in plain Go and in async code, which is what the behaviour corpus
// checks. Converting a Gen to an iter.Seq in async code loses this: the
// transform then pulls it like any iterator, running the natural form
// (asyncgen and asyncvet warn where a Gen is converted or passed so).

// Gen is an async generator of T values: the value of an async generator's
// companion. Range over it in an //async function (or, from ordinary code,
// as a plain iterator).
type Gen[T any] func(yield func(T) bool)

// Gen2 is an async generator of pairs, ranged over with `for k, v := range`.
type Gen2[K, V any] func(yield func(K, V) bool)

// genProbe carries a generator's frame maker out of its Gen: PullGen calls
// the Gen with a nil yield, which no range loop ever passes, and the Gen
// made by NewGen answers by leaving its maker here instead of running.
var genProbe struct {
	sync.Mutex
	mk any
}

// For generated code: NewGen makes the Gen of an async generator from its
// natural form and a maker of its frame; generated companions call it.
func NewGen[T any](plain func(yield func(T) bool), frame func(g *Generator[T, struct{}]) Frame) Gen[T] {
	return func(yield func(T) bool) {
		if yield == nil {
			genProbe.mk = frame
			return
		}
		plain(yield)
	}
}

// For generated code: NewGen2 is NewGen for a generator of pairs.
func NewGen2[K, V any](plain func(yield func(K, V) bool), frame func(g *Generator[K, V]) Frame) Gen2[K, V] {
	return func(yield func(K, V) bool) {
		if yield == nil {
			genProbe.mk = frame
			return
		}
		plain(yield)
	}
}

// probeGen returns the frame maker of the Gen that call runs with a nil
// yield.
func probeGen[M any](call func()) M {
	genProbe.Lock()
	defer genProbe.Unlock()
	genProbe.mk = nil
	call()
	mk, ok := genProbe.mk.(M)
	genProbe.mk = nil
	if !ok {
		panic("rt: ranging over an rt.Gen that no async generator's companion made (convert it to an iter.Seq to range over it as a plain iterator)")
	}
	return mk
}

// For generated code: PullGen starts consuming g; generated range loops call
// it. Nothing runs until Next is awaited.
func PullGen[T any](g Gen[T]) *Generator[T, struct{}] {
	return &Generator[T, struct{}]{mk: probeGen[func(*Generator[T, struct{}]) Frame](func() { g(nil) })}
}

// For generated code: PullGen2 is PullGen for a generator of pairs.
func PullGen2[K, V any](g Gen2[K, V]) *Generator[K, V] {
	return &Generator[K, V]{mk: probeGen[func(*Generator[K, V]) Frame](func() { g(nil) })}
}

// For generated code: Generator is one run of an async generator, shared by
// the range loop that consumes it and the generator's frame. Generated code
// drives it: the loop awaits Next and reads Values, and awaits Close on
// every way out; the generator awaits Yield at each call of its yield.
type Generator[K, V any] struct {
	mk    func(*Generator[K, V]) Frame
	frame Frame
	state genState
	sent  bool // what the pending yield returns when resumed
	k     K
	v     V
	// saved is the consumer's unwinding while closing unwinds the
	// generator's frame with closer in its place.
	saved, closer *unwinding
}

type genState uint8

const (
	genNew       genState = iota
	genRunning            // the frame is on the consumer's stack, or has just finished there
	genSuspended          // the frame is detached at a yield
	genClosing            // resumed with false: running to its end
	genDone
)

// For generated code: Next returns the awaitable of the next value: it
// yields true once the generator has yielded (read the value with Values),
// false once it has returned.
func (g *Generator[K, V]) Next() Awaitable[bool] { return (*genNext[K, V])(g) }

// For generated code: Values returns the values the generator yielded last.
func (g *Generator[K, V]) Values() (K, V) { return g.k, g.v }

// For generated code: Close returns the awaitable that finishes the
// generator: a generator suspended at a yield is resumed with false and runs
// to its end (its deferred calls run); a finished or unstarted one is left
// as it is.
func (g *Generator[K, V]) Close() Awaitable[struct{}] { return (*genClose[K, V])(g) }

// For generated code: Yield returns the awaitable of one yield of the
// generator: it hands k and v to the loop and detaches the generator's frame
// from the task, and yields what the loop answers: true for more, false when
// the loop is left.
func (g *Generator[K, V]) Yield(k K, v V) Awaitable[bool] {
	g.k, g.v = k, v
	return (*genYield[K, V])(g)
}

// resume pushes the generator's frame on c, to run until it yields or ends.
func (g *Generator[K, V]) resume(c *Coro, sent bool, st genState) Status {
	g.sent, g.state = sent, st
	return c.Push(g.frame)
}

// finish forgets the frame of a generator that has returned.
func (g *Generator[K, V]) finish() {
	g.state, g.frame, g.mk = genDone, nil, nil
	var k K
	var v V
	g.k, g.v = k, v
}

type genNext[K, V any] Generator[K, V]

func (n *genNext[K, V]) AwaitStart(c *Coro) Status {
	g := (*Generator[K, V])(n)
	switch g.state {
	case genNew:
		g.frame = g.mk(g)
		g.mk = nil
		return g.resume(c, true, genRunning)
	case genSuspended:
		return g.resume(c, true, genRunning)
	case genDone:
		return Ready
	}
	panic("rt: async generator is already running: a generator cannot be iterated from inside itself or by two loops at once")
}

func (n *genNext[K, V]) AwaitResult() (bool, error) {
	g := (*Generator[K, V])(n)
	if g.state == genSuspended {
		return true, nil
	}
	g.finish() // its frame returned
	return false, nil
}

type genClose[K, V any] Generator[K, V]

func (cl *genClose[K, V]) AwaitStart(c *Coro) Status {
	g := (*Generator[K, V])(cl)
	if g.state == genSuspended {
		if c.Unwinding() {
			// A panic or a cancellation leaves the loop: the generator's
			// frame unwinds from its yield, as Go unwinds an iterator
			// through a panicking loop body and as aclose throws
			// GeneratorExit in: its deferred calls run, the code after the
			// yield does not. It unwinds with a copy of the consumer's
			// unwinding nested in it, which tells afterwards what the
			// generator did with it.
			u := c.unw()
			g.saved = u
			g.closer = &unwinding{canceled: u.canceled, value: u.value, stack: u.stack, prev: u, prevTop: int32(c.depth() - 1), closing: true}
			c.setUnwind(g.closer)
			g.state = genClosing
			c.Push(g.frame)
			c.setUnwindTop(c.depth() - 1)
			return Pushed
		}
		return g.resume(c, false, genClosing)
	}
	if g.saved != nil {
		switch c.unw() {
		case g.closer:
			// The panic went through the generator: it goes on.
			c.setUnwind(g.saved)
		case g.saved:
			// The generator recovered the consumer's panic and returned:
			// Go's runtime error for an iterator that does so.
			c.replace(rangeError(rangeMissingPanic), debug.Stack())
		}
		// Otherwise the generator's deferred calls panicked anew.
		g.saved, g.closer = nil, nil
	}
	g.finish() // not started, or its frame returned
	return Ready
}

func (cl *genClose[K, V]) AwaitResult() (struct{}, error) {
	(*Generator[K, V])(cl).finish()
	return struct{}{}, nil
}

type genYield[K, V any] Generator[K, V]

func (y *genYield[K, V]) AwaitStart(c *Coro) Status {
	g := (*Generator[K, V])(y)
	if g.state == genClosing {
		// Go's runtime error for an iterator that does so.
		panic(rangeError(rangeDone))
	}
	g.state = genSuspended
	c.detach(g.frame)
	return Pushed
}

func (y *genYield[K, V]) AwaitResult() (bool, error) { return y.sent, nil }

// detach takes f, the top frame, off the stack without finishing it: a
// generator frame that yields, so that the loop that consumes it resumes.
// It returns to the stack when the loop asks for the next value.
func (c *Coro) detach(f Frame) {
	n := c.depth() - 1
	if c.frameAt(n) != f {
		panic("rt: an async generator yielded while it was not running on top of its task")
	}
	c.pop()
	c.unwound(n - 1)
}
