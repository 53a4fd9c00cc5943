package rt

// This file holds the wait list that the synchronization primitives (Lock,
// Event, Condition, Semaphore, Barrier, Queue) park tasks on.
//
// asyncio parks a task on a primitive by appending a new future to the
// primitive's deque and awaiting it; waking the task sets the future's
// result, and the task, when it runs on a later iteration, removes the
// future (`finally: waiters.remove(fut)`) and finishes the operation (takes
// the lock, pops the item, or goes back to waiting). A waiter is both at
// once, without allocating: the entry on the list (with the future's
// states: pending, woken, cancelled) and the runnable that the loop runs in
// the task's place when it is woken. Its run takes it off the list and
// completes the operation through the primitive's waitPolicy, then steps
// the task directly, in the same slot of the ready queue, so the hops are
// those of asyncio. Waiters are recycled through a free list: a primitive
// in steady use allocates nothing.
//
// A waiter stays on its list, and its task's Coro.parked stays set, until
// the task resumes, so a task cancelled after it was woken but before it ran
// (the next owner of a lock, a getter that was handed an item) is still
// found by cancelWait and the primitive passes the wake-up on, as asyncio's
// except clauses do.
//
// Every operation on a list is O(1) (amortized for the wakes): the task's
// Coro.parked is its waiter itself, so cancelling a parked task finds its
// entry without a search and unlinks it from the doubly-linked list; and
// the list keeps a cursor on its first waiter that is not done, so waking
// "the next waiter" skips the woken and cancelled waiters that still wait
// for their turn in the ready queue without walking over them again.
// Cancelling n parked tasks, one by one or at the end of Run, costs O(n).

// waiter is one task parked on a primitive.
type waiter struct {
	c          *Coro
	list       *waitList
	prev, next *waiter // on list; next also links the free list
	woken      bool    // the future has a result: w is in the ready queue
	canceled   bool    // the task was cancelled while parked or woken
	op         any     // the operation's own state (a queue get, a barrier wait), if any
}

// done reports what asyncio's fut.done() would: woken or cancelled.
func (w *waiter) done() bool { return w.woken || w.canceled }

// waitPolicy is a primitive's rules for its parked tasks.
type waitPolicy interface {
	// resume runs when woken waiter w, already off its list, is about to
	// step its task. It completes the operation and returns true, or
	// returns false after parking w again (see waitList.repark), as a
	// woken asyncio task that finds it cannot proceed waits again.
	resume(w *waiter) bool
	// abandon runs, on the iteration after the cancellation (where
	// asyncio runs the task's except clause), for a waiter whose task was
	// cancelled; w is already off its list. woken reports whether w had
	// been woken first: then it must pass on what it was given.
	abandon(w *waiter, woken bool)
}

// waitList is a FIFO list of waiters; its zero value is empty.
type waitList struct {
	head, tail *waiter
	// pend is the first waiter that is not done, or nil: every waiter
	// before it is woken or cancelled. Waiters only become done in place
	// (a repark appends), so the cursor only moves forward, and each
	// waiter is stepped over at most once.
	pend   *waiter
	live   int // waiters not cancelled (woken or not)
	free   *waiter
	policy waitPolicy
}

// park appends a new waiter for task c and marks c as parked on l.
func (l *waitList) park(c *Coro, p waitPolicy) *waiter {
	w := l.free
	if w != nil {
		l.free = w.next
		w.next = nil
	} else {
		w = &waiter{}
	}
	w.c = c
	l.policy = p
	l.append(w)
	return w
}

// repark puts a woken waiter back at the end of l, pending again (a woken
// queue getter that found the queue empty waits again, asyncio's `while
// self.empty()` loop).
func (l *waitList) repark(w *waiter, p waitPolicy) {
	w.woken = false
	l.policy = p
	l.append(w)
}

func (l *waitList) append(w *waiter) {
	w.list = l
	w.prev = l.tail
	if l.tail != nil {
		l.tail.next = w
	} else {
		l.head = w
	}
	l.tail = w
	if !w.canceled {
		l.live++
	}
	if l.pend == nil && !w.done() {
		l.pend = w
	}
	w.c.parked = w
}

// advance moves the cursor past w, which is done or leaving the list, to
// the next waiter that is not done.
func (l *waitList) advance(w *waiter) {
	x, k := w.next, 0
	for x != nil && x.done() {
		x = x.next
		k++
	}
	l.pend = x
	if k > 0 { // the common step over none stays a load and a store
		w.c.loop.walked += k
	}
}

func (l *waitList) remove(w *waiter) {
	if l.pend == w {
		l.advance(w)
	}
	if w.prev != nil {
		w.prev.next = w.next
	} else {
		l.head = w.next
	}
	if w.next != nil {
		w.next.prev = w.prev
	} else {
		l.tail = w.prev
	}
	if !w.canceled {
		l.live--
	}
	w.prev, w.next, w.list = nil, nil, nil
}

// recycle puts w on the free list.
func (l *waitList) recycle(w *waiter) {
	*w = waiter{next: l.free}
	l.free = w
}

// wake sets w's "future": it schedules w, which steps the task.
func (l *waitList) wake(w *waiter) {
	w.woken = true
	if l.pend == w {
		l.advance(w)
	}
	w.c.loop.schedule(w)
}

// wakeFirst wakes the first waiter if it is not done (asyncio Lock's
// _wake_up_first).
func (l *waitList) wakeFirst() {
	if w := l.head; w != nil && !w.done() {
		l.wake(w)
	}
}

// wakeNext wakes the first waiter that is not done and reports whether
// there was one (asyncio's _wake_up_next and Queue._wakeup_next).
func (l *waitList) wakeNext() bool {
	if w := l.pend; w != nil {
		l.wake(w)
		return true
	}
	return false
}

// wakeN wakes up to n waiters that are not done, in order, and returns how
// many it woke (Condition.notify).
func (l *waitList) wakeN(n int) int {
	k := 0
	for ; k < n && l.pend != nil; k++ {
		l.wake(l.pend)
	}
	return k
}

// cancelWait takes task c, parked on w, off its list: w is marked
// cancelled and, unless it was already woken (and so is in the ready
// queue), scheduled, so that the primitive's abandon rule runs on the next
// iteration, as asyncio's does when the cancelled task takes its step. The
// waiter leaves the list then, as in asyncio, so rules that look at "the
// first waiter" (Lock's wakeFirst) see what they would see there. It is
// the task's waitCanceler: Coro.parked is w, so there is nothing to search.
func (w *waiter) cancelWait(c *Coro) {
	if w.c != c || w.canceled {
		return
	}
	l := w.list
	c.parked = nil
	w.canceled = true
	l.live--
	if l.pend == w {
		l.advance(w)
	}
	if !w.woken {
		c.loop.schedule(w)
	}
}

// run is the waiter's turn in the ready queue, in place of its task.
func (w *waiter) run() {
	l, c := w.list, w.c
	p := l.policy
	l.remove(w)
	if w.canceled {
		p.abandon(w, w.woken)
		l.recycle(w)
		return
	}
	c.parked = nil
	if !p.resume(w) {
		return // parked again
	}
	l.recycle(w)
	c.run()
}

// cancelKeeper is a waitPolicy that handles the cancellation of a parked
// task itself (Condition: the task must get the lock back before it
// unwinds); keepOnCancel reports whether it did.
type cancelKeeper interface {
	keepOnCancel(l *waitList, w *waiter) bool
}

// passCancel lets a policy that is a cancelKeeper take charge of the
// cancelled task parked on w; otherwise the task is taken off the list
// (cancelWait).
func (w *waiter) passCancel(c *Coro) bool {
	l := w.list
	k, ok := l.policy.(cancelKeeper)
	if !ok || w.c != c || w.canceled {
		return false
	}
	return k.keepOnCancel(l, w)
}

// empty reports whether no waiter, of any state, is on l.
func (l *waitList) empty() bool { return l.head == nil && l.pend == nil && l.live == 0 }
