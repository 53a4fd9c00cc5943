package rt

// Semaphore is a counter of permits for tasks, like asyncio.Semaphore:
// Acquire takes a permit, waiting in line (FIFO) while none is free, and
// Release gives one back. Use it to bound how many tasks do something at
// once. A Semaphore belongs to one loop; it must not be copied after first
// use.
//
// Release hands the permit to the first waiter, reserved until that task
// runs; if the task is cancelled before it runs, the permit goes to the
// next waiter.
type Semaphore struct {
	value   int
	bound   int // the initial value, for a bounded semaphore
	bounded bool
	waiters waitList
}

// NewSemaphore returns a semaphore with n permits. It panics if n < 0.
func NewSemaphore(n int) *Semaphore {
	if n < 0 {
		panic("rt: NewSemaphore with a negative value")
	}
	return &Semaphore{value: n}
}

// NewBoundedSemaphore returns a semaphore with n permits whose Release
// panics if it would raise the count above n (asyncio.BoundedSemaphore): it
// catches a release without a matching acquire.
func NewBoundedSemaphore(n int) *Semaphore {
	s := NewSemaphore(n)
	s.bound, s.bounded = n, true
	return s
}

// Locked reports whether Acquire would wait: no permit is free, or tasks
// are already queued for one.
func (s *Semaphore) Locked() bool { return s.value == 0 || s.waiters.live > 0 }

// Value returns the number of free permits.
func (s *Semaphore) Value() int { return s.value }

// TryAcquire takes a permit if that needs no waiting and reports whether it
// did.
func (s *Semaphore) TryAcquire() bool {
	if s.Locked() {
		return false
	}
	s.value--
	return true
}

// Acquire takes a permit, waiting in line while none is free.
//
// Acquire is async: inside an //async function the generator awaits
// AcquireAsync. Called from ordinary code it takes a free permit and
// panics if it would have to wait.
func (s *Semaphore) Acquire() {
	if !s.TryAcquire() {
		panic("rt: Semaphore.Acquire would block: call it from an //async function (where asyncgen awaits AcquireAsync) running under rt.Run, or use TryAcquire")
	}
}

// AcquireAsync is the companion of Acquire. It allocates nothing.
func (s *Semaphore) AcquireAsync() Awaitable[struct{}] { return (*semAcquire)(s) }

// Release gives a permit back and wakes the first waiting task, if any. A
// bounded semaphore panics if the release has no matching acquire.
func (s *Semaphore) Release() {
	if s.bounded && s.value >= s.bound {
		panic("rt: BoundedSemaphore released too many times")
	}
	s.value++
	s.wakeNext()
}

// wakeNext reserves a permit for the first waiter that is not done.
func (s *Semaphore) wakeNext() {
	if s.value > 0 && s.waiters.wakeNext() {
		s.value--
	}
}

type semAcquire Semaphore

func (a *semAcquire) AwaitStart(c *Coro) Status {
	s := (*Semaphore)(a)
	if s.TryAcquire() {
		return Ready
	}
	s.waiters.park(c, s)
	return Suspended
}

func (a *semAcquire) AwaitResult() (struct{}, error) { return struct{}{}, nil }

// resume: the woken task holds the permit reserved for it; if more are
// free, the next waiter is woken too.
func (s *Semaphore) resume(w *waiter) bool {
	if s.value > 0 {
		s.wakeNext()
	}
	return true
}

// abandon: a cancelled task gives back the permit it had been given.
func (s *Semaphore) abandon(w *waiter, woken bool) {
	if woken {
		s.value++
		s.wakeNext()
	}
}
