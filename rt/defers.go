package rt

// Defers is the list of deferred calls of one activation of an async
// function. Generated code pushes onto it at each defer statement and runs
// it when the function returns, panics or is cancelled. A deferred call of
// an async function is awaited; like any deferred call, its result is
// dropped.
type Defers struct {
	list    []deferred
	pending AnyAwaitable // an async deferred call being awaited
}

type deferred struct {
	call  func()
	async func() AnyAwaitable
}

// AnyAwaitable is an awaitable whose result is not wanted; every
// Awaitable[T] is one.
type AnyAwaitable interface {
	AwaitStart(c *Coro) Status
}

// Push defers a plain call.
func (d *Defers) Push(call func()) {
	d.list = append(d.list, deferred{call: call})
}

// PushAsync defers a call of an async function: start returns its
// coroutine, which is awaited when the deferred calls run.
func (d *Defers) PushAsync(start func() AnyAwaitable) {
	d.list = append(d.list, deferred{async: start})
}

// Run runs the deferred calls, last pushed first, on behalf of task c. It
// returns Ready when all have run, or what awaiting an async one returned
// (Suspended or Pushed): the frame then returns that and calls Run again
// when resumed, which carries on where it stopped. A deferred call that
// panics has been taken off the list, so Run, called again while the frame
// unwinds, goes on with the next one.
func (d *Defers) Run(c *Coro) Status {
	d.pending = nil // an awaited deferred call has finished
	for len(d.list) > 0 {
		n := len(d.list) - 1
		e := d.list[n]
		d.list[n] = deferred{}
		d.list = d.list[:n]
		if e.async == nil {
			e.call()
			continue
		}
		aw := e.async()
		if s := aw.AwaitStart(c); s != Ready {
			d.pending = aw
			return s
		}
	}
	return Ready
}
