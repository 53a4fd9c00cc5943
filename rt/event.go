package rt

// Event is a flag that tasks can wait for, like asyncio.Event: Wait blocks
// until the flag is set; Set sets it and wakes every waiting task, each on
// the next loop iteration in the order it began waiting. The zero value is
// a clear Event. An Event belongs to one loop; it must not be copied after
// first use.
type Event struct {
	set     bool
	waiters waitList
}

// IsSet reports whether the flag is set.
func (e *Event) IsSet() bool { return e.set }

// Set sets the flag and wakes all waiting tasks. Tasks that call Wait
// while the flag is set do not wait at all.
func (e *Event) Set() {
	if e.set {
		return
	}
	e.set = true
	e.waiters.wakeN(e.waiters.live)
}

// Clear resets the flag; later Waits block until Set is called again.
// Tasks already woken by Set still return from Wait.
func (e *Event) Clear() { e.set = false }

// Wait blocks until the flag is set.
//
// Wait is async: inside an //async function the generator awaits
// WaitAsync. Called from ordinary code it returns if the flag is set and
// panics otherwise, since no task could set it.
func (e *Event) Wait() {
	if !e.set {
		panic("rt: Event.Wait would block: call it from an //async function (where asyncgen awaits WaitAsync) running under rt.Run")
	}
}

// WaitAsync is the companion of Wait. It allocates nothing.
func (e *Event) WaitAsync() Awaitable[struct{}] { return (*eventWait)(e) }

type eventWait Event

func (a *eventWait) AwaitStart(c *Coro) Status {
	e := (*Event)(a)
	if e.set {
		return Ready
	}
	e.waiters.park(c, e)
	return Suspended
}

func (a *eventWait) AwaitResult() (struct{}, error) { return struct{}{}, nil }

func (e *Event) resume(w *waiter) bool         { return true }
func (e *Event) abandon(w *waiter, woken bool) {}
