package rt

// For generated code: Defers is the list of deferred calls of one activation
// of an async function. Generated code pushes onto it at each defer
// statement and runs it when the function returns, panics or is cancelled. A
// deferred call of an async function is awaited; like any deferred call, its
// result is dropped.
//
// A plain deferred call is pushed as a function that defers it and raises
// the Panic it receives (see Panic): run while its frame unwinds from a
// panic, it runs inside a real Go call with that panic in flight, so that
// recover() in the deferred function, a literal or a named function or
// method, behaves as in Go; it returned normally when the deferred
// function recovered. Without a panic in flight nothing is raised.
//
// A deferred call of an async function (PushAsync) is awaited; its frame
// is the deferred function, so recover() called directly in its body
// (Coro.Recover) stops the panic in flight, as in Go. An awaitable
// deferred with rt.Await (PushAwait) is not a function that recover could
// be called directly by.
type Defers struct {
	list    []deferred
	pending AnyAwaitable // an async deferred call being awaited
	// under is the panic the pending call's frame runs under, when it is
	// a call of an async function.
	under *unwinding
}

type deferred struct {
	call   func(Panic)
	async  func() AnyAwaitable
	direct bool // async is a call of an async function, not an rt.Await
}

// For generated code: AnyAwaitable is an awaitable whose result is not
// wanted; every Awaitable[T] is one.
type AnyAwaitable interface {
	AwaitStart(c *Coro) Status
}

// For generated code: Push defers a plain call: call defers it and raises
// its Panic.
func (d *Defers) Push(call func(Panic)) {
	d.list = append(d.list, deferred{call: call})
}

// For generated code: PushAsync defers a call of an async function: start
// returns its coroutine, which is awaited when the deferred calls run.
func (d *Defers) PushAsync(start func() AnyAwaitable) {
	d.list = append(d.list, deferred{async: start, direct: true})
}

// For generated code: PushAwait defers the await of an awaitable (defer
// rt.Await(x)): start returns it, and it is awaited when the deferred calls
// run.
func (d *Defers) PushAwait(start func() AnyAwaitable) {
	d.list = append(d.list, deferred{async: start})
}

// For generated code: Run runs the deferred calls, last pushed first, on
// behalf of task c. It returns Ready when all have run, or what awaiting an
// async one returned (Suspended or Pushed): the frame then returns that and
// calls Run again when resumed, which carries on where it stopped. A
// deferred call that panics has been taken off the list, so Run, called
// again while the frame unwinds, goes on with the next one.
func (d *Defers) Run(c *Coro) Status {
	d.pending = nil // an awaited deferred call has finished
	if u := d.under; u != nil {
		u.deferFrame, d.under = nil, nil
		if cur := c.unw(); u.recovered && cur != nil && cur != u.prev && !cur.canceled {
			// The deferred function recovered u and then panicked: Go
			// keeps u in the chain, "[recovered]", or, raised again as
			// it was, prints the two as one "[recovered, repanicked]".
			if cur.aborted == nil && sameValue(cur.value, u.value) {
				cur.repanicked = true
			} else {
				cur.addAborted(u)
			}
		}
	}
	for len(d.list) > 0 {
		n := len(d.list) - 1
		e := d.list[n]
		d.list[n] = deferred{}
		d.list = d.list[:n]
		u := c.panicking()
		if e.async == nil {
			if u != nil {
				c.deferUnder(u, e.call)
			} else {
				e.call(Panic{})
			}
			continue
		}
		aw := e.async()
		depth := c.depth()
		if s := aw.AwaitStart(c); s != Ready {
			d.pending = aw
			if u != nil && e.direct && s == Pushed && c.depth() == depth+1 {
				// The deferred function's frame runs under the panic.
				u.deferFrame, d.under = c.frameAt(depth), u
			}
			return s
		}
	}
	return Ready
}

// For generated code: Recover is recover() called directly in the body of an
// async function (generated code calls it with the function's frame f): when
// f runs as a deferred call of the frame below it, and that frame unwinds
// from a panic, Recover stops the panic and returns its value, as recover()
// in a deferred function does in Go. Otherwise it returns nil: f was not
// deferred, or not by a panicking frame, the panic was recovered already, or
// the frames unwind from a cancellation, which recover cannot stop.
func (c *Coro) Recover(f Frame) any {
	u := c.unw()
	top := c.depth() - 1
	if u == nil || u.deferFrame == nil || u.deferFrame != f || c.frameAt(top) != f || c.unwindTop() != top-1 {
		return nil
	}
	u.deferFrame = nil
	u.recovered = true
	c.stopUnwinding()
	return u.value
}
