package rt

// Lock is a mutual-exclusion lock for tasks, like asyncio.Lock: at most one
// task holds it, and tasks blocked in Acquire get it in the order they
// asked (FIFO). It is not owned: any task may release it. The zero value is
// an unlocked Lock. A Lock belongs to one loop; it must not be copied after
// first use.
//
// Code between two await points already runs atomically, so a Lock is only
// needed to keep a critical section that awaits (sleeps, does I/O) to one
// task at a time:
//
//	mu.Acquire() // an await point in an //async function
//	defer mu.Release()
//	... code that awaits ...
//
// Release hands the lock to the first waiter: it is reserved for that task
// until it runs on a later loop iteration, and a task that calls Acquire
// meanwhile queues behind it. If the chosen task is cancelled before it
// runs, the lock goes to the next waiter.
type Lock struct {
	locked  bool
	waiters waitList
}

// Locked reports whether the lock is held.
func (l *Lock) Locked() bool { return l.locked }

// free reports whether Acquire would take the lock at once: it is not held
// and no task (woken or not) is queued for it.
func (l *Lock) free() bool { return !l.locked && l.waiters.live == 0 }

// TryAcquire takes the lock if that needs no waiting and reports whether it
// did. It never takes the lock from a queued task.
func (l *Lock) TryAcquire() bool {
	if !l.free() {
		return false
	}
	l.locked = true
	return true
}

// Acquire takes the lock, waiting in line while it is held.
//
// Acquire is async: inside an //async function the generator awaits
// AcquireAsync. Called from ordinary code, where no other task could ever
// release the lock, it takes a free lock and panics if it would have to
// wait.
func (l *Lock) Acquire() {
	if !l.TryAcquire() {
		panic("rt: Lock.Acquire would block: call it from an //async function (where asyncgen awaits AcquireAsync) running under rt.Run, or use TryAcquire")
	}
}

// AcquireAsync is the companion of Acquire. It allocates nothing.
func (l *Lock) AcquireAsync() Awaitable[struct{}] { return (*lockAcquire)(l) }

// Release unlocks the lock and, if tasks wait for it, wakes the first. It
// panics if the lock is not held.
func (l *Lock) Release() {
	if !l.locked {
		panic("rt: Release of an unlocked Lock")
	}
	l.release()
}

func (l *Lock) release() {
	l.locked = false
	l.waiters.wakeFirst()
}

// lockAcquire is the awaitable of Acquire: the Lock itself, under another
// method set.
type lockAcquire Lock

func (a *lockAcquire) AwaitStart(c *Coro) Status {
	l := (*Lock)(a)
	if l.TryAcquire() {
		return Ready
	}
	l.waiters.park(c, l)
	return Suspended
}

func (a *lockAcquire) AwaitResult() (struct{}, error) { return struct{}{}, nil }

// resume: the woken first waiter takes the lock (nobody else could: it
// was reserved). A Condition waiter re-acquiring the lock does the same.
func (l *Lock) resume(w *waiter) bool {
	l.locked = true
	return true
}

// abandon: a cancelled waiter that had been chosen passes the lock on.
func (l *Lock) abandon(w *waiter, woken bool) {
	if !l.locked {
		l.waiters.wakeFirst()
	}
}
