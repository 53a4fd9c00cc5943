package rt

import "errors"

// ErrBrokenBarrier is returned by Barrier.Wait when the barrier is aborted,
// or reset while the task waits.
var ErrBrokenBarrier = errors.New("rt: broken barrier")

// Barrier makes a fixed number of tasks wait for each other, like
// asyncio.Barrier: each calls Wait, and when the last of parties tasks
// arrives they all go on. It is reusable: once every task of a round has
// left, the next round fills. A task that calls Wait while the previous
// round is still leaving waits for it to finish. A Barrier belongs to one
// loop; it must not be copied after first use.
//
// The order is asyncio's: the last task to arrive returns at once; the
// others resume on the next loop iteration, in the order they arrived.
type Barrier struct {
	parties int
	count   int // tasks inside the barrier (arrived, not yet left)
	state   barrierState
	waiters waitList // asyncio's Condition waiters: blocked and waiting tasks, in order
}

type barrierState uint8

const (
	barrierFilling barrierState = iota
	barrierDraining
	barrierResetting
	barrierBroken
)

// NewBarrier returns a barrier for parties tasks. It panics if parties < 1.
func NewBarrier(parties int) *Barrier {
	if parties < 1 {
		panic("rt: NewBarrier with parties < 1")
	}
	return &Barrier{parties: parties}
}

// Parties returns the number of tasks that pass the barrier together.
func (b *Barrier) Parties() int { return b.parties }

// Waiting returns the number of tasks waiting in the current round.
func (b *Barrier) Waiting() int {
	if b.state == barrierFilling {
		return b.count
	}
	return 0
}

// Broken reports whether the barrier was aborted.
func (b *Barrier) Broken() bool { return b.state == barrierBroken }

// Wait waits until parties tasks have called Wait, and returns this task's
// arrival index in its round, from 0 to parties-1. It returns
// ErrBrokenBarrier if the barrier is aborted, or reset while the task
// waits.
//
// Wait is async: inside an //async function the generator awaits
// WaitAsync. Called from ordinary code it returns when it would not wait
// (the barrier is broken, or this is the last party to arrive) and panics
// otherwise.
func (b *Barrier) Wait() (int, error) {
	if b.state == barrierBroken || b.state == barrierFilling && b.count+1 == b.parties {
		var op barrierWait
		op.b = b
		op.enter(nil)
		return op.AwaitResult()
	}
	panic("rt: Barrier.Wait would block: call it from an //async function (where asyncgen awaits WaitAsync) running under rt.Run")
}

// WaitAsync is the companion of Wait. It allocates one small object.
func (b *Barrier) WaitAsync() Awaitable[int] { return &barrierWait{b: b} }

// Reset returns the barrier to its empty, filling state. Tasks waiting in
// the current round get ErrBrokenBarrier. It also repairs an aborted
// barrier.
func (b *Barrier) Reset() {
	if b.count > 0 {
		b.state = barrierResetting
	} else {
		b.state = barrierFilling
	}
	b.notifyAll()
}

// Abort breaks the barrier: waiting tasks, and tasks that call Wait until
// Reset, get ErrBrokenBarrier.
func (b *Barrier) Abort() {
	b.state = barrierBroken
	b.notifyAll()
}

func (b *Barrier) notifyAll() { b.waiters.wakeN(b.waiters.live) }

// barrierWait is one Wait. It is asyncio's Barrier.wait, whose awaits are
// the Condition waits of _block (while the previous round drains) and
// _wait (until the round is full); the Condition's lock is never held
// across an await there, so taking it never waits and is left out.
type barrierWait struct {
	b      *Barrier
	inside bool // arrived: counted in b.count (asyncio's try block)
	index  int
	err    error
}

func (o *barrierWait) AwaitStart(c *Coro) Status {
	if o.enter(c) {
		return Ready
	}
	return Suspended
}

func (o *barrierWait) AwaitResult() (int, error) { return o.index, o.err }

// enter is the start of wait: block while the barrier drains or resets,
// else arrive. It reports whether the wait is over; if not, it parked c.
func (o *barrierWait) enter(c *Coro) bool {
	b := o.b
	if b.state == barrierDraining || b.state == barrierResetting {
		b.waiters.park(c, b).op = o
		return false
	}
	if b.state == barrierBroken {
		o.err = ErrBrokenBarrier
		return true
	}
	o.index = b.count
	o.inside = true
	b.count++
	if o.index+1 == b.parties {
		b.state = barrierDraining
		b.notifyAll()
		o.leave()
		return true
	}
	b.waiters.park(c, b).op = o
	return false
}

// leave is wait's finally clause.
func (o *barrierWait) leave() {
	b := o.b
	o.inside = false
	b.count--
	if b.count == 0 {
		if b.state == barrierResetting || b.state == barrierDraining {
			b.state = barrierFilling
		}
		b.notifyAll()
	}
}

func (b *Barrier) resume(w *waiter) bool {
	o := w.op.(*barrierWait)
	if !o.inside {
		if b.state == barrierDraining || b.state == barrierResetting {
			b.waiters.repark(w, b)
			return false
		}
		c := w.c
		if o.enter(c) {
			return true
		}
		// enter parked c on a new waiter; drop this one.
		b.waiters.recycle(w)
		return false
	}
	if b.state == barrierFilling {
		b.waiters.repark(w, b)
		return false
	}
	if b.state == barrierBroken || b.state == barrierResetting {
		o.err = ErrBrokenBarrier
	}
	o.leave()
	return true
}

func (b *Barrier) abandon(w *waiter, woken bool) {
	if o := w.op.(*barrierWait); o.inside {
		o.leave()
	}
}
