package rt

import "time"

// A TimeoutScope is a deadline over a block of awaits, asyncio's
// `async with asyncio.timeout(d)`. The block is an awaitable run inline in
// the awaiting task by Within (no new task, no extra loop turn). When the
// deadline passes the scope cancels the task, as Task.Cancel does: the
// block stops at its await point and its deferred calls run. When that
// cancellation reaches the scope, the scope takes it back and the block
// fails with ErrTimeout; the task goes on after Within as if nothing had
// been cancelled. A cancellation from anywhere else (Task.Cancel, an outer
// scope, a failing TaskGroup) stays a cancellation, even when the scope's
// deadline passed too, so scopes nest as asyncio's do: the scope whose
// deadline passed first reports the timeout, the others let it through.
//
// A scope is entered once. Its deadline can be moved while the block runs
// (Reschedule), and Expired tells afterwards whether the deadline cut the
// block short.
type TimeoutScope struct {
	d        time.Duration // relative deadline, from entry
	rel      bool
	deadline time.Time // absolute deadline; zero means none
	state    scopeState
	c        *Coro
	cancels  int32  // c.cancels when the scope was entered
	gen      uint64 // bumped whenever the armed timer is disarmed
	inHeap   bool   // the armed timer sits in the loop's timer heap
}

type scopeState uint8

const (
	scopeCreated scopeState = iota
	scopeEntered
	scopeExpiring // the deadline passed and the task was cancelled
	scopeExpired  // the block ended after its deadline cancelled it
	scopeExited   // the block ended otherwise
)

// NewTimeout returns a scope whose deadline is d after the moment Within
// enters it (asyncio.timeout(d)). A d <= 0 expires at once: the block is
// cancelled at its first await point.
func NewTimeout(d time.Duration) *TimeoutScope {
	return &TimeoutScope{d: d, rel: true}
}

// NewTimeoutAt returns a scope with the absolute deadline t on the loop's
// clock (see Now); the zero time means no deadline, which Reschedule can
// set later (asyncio.timeout_at, timeout(None)).
func NewTimeoutAt(t time.Time) *TimeoutScope {
	return &TimeoutScope{deadline: t}
}

// Timeout awaits aw with a deadline d after it starts: Within(NewTimeout(d), aw).
// Unlike WaitFor it makes no task: aw runs inline in the awaiting task.
func Timeout[T any](d time.Duration, aw Awaitable[T]) Awaitable[T] {
	return Within(NewTimeout(d), aw)
}

// TimeoutAt awaits aw with the absolute deadline t: Within(NewTimeoutAt(t), aw).
func TimeoutAt[T any](t time.Time, aw Awaitable[T]) Awaitable[T] {
	return Within(NewTimeoutAt(t), aw)
}

// Within awaits aw inside scope s, inline in the awaiting task: it yields
// aw's outcome, or ErrTimeout when s's deadline cancelled aw (aw's deferred
// calls have run by then). Awaiting Within a second time with the same
// scope panics: a scope is entered once.
func Within[T any](s *TimeoutScope, aw Awaitable[T]) Awaitable[T] {
	return &within[T]{s: s, aw: aw}
}

// Deadline returns the scope's deadline on the loop's clock, or the zero
// time when it has none (or, for NewTimeout, before it is entered).
func (s *TimeoutScope) Deadline() time.Time {
	if s.rel {
		return time.Time{}
	}
	return s.deadline
}

// Expired reports whether the scope's deadline passed while the block ran
// (asyncio's Timeout.expired).
func (s *TimeoutScope) Expired() bool {
	return s.state == scopeExpiring || s.state == scopeExpired
}

// Reschedule moves the deadline to t; the zero time removes it. A
// deadline already past expires the scope on the next loop iteration.
// Before the scope is entered it only sets the deadline. Once the deadline
// has passed or the block has ended, the scope cannot change: Reschedule
// panics, as asyncio raises.
func (s *TimeoutScope) Reschedule(t time.Time) {
	switch s.state {
	case scopeCreated:
		s.rel, s.deadline = false, t
	case scopeEntered:
		s.disarm()
		s.rel, s.deadline = false, t
		s.arm()
	default:
		panic("rt: Reschedule of a TimeoutScope whose deadline passed or whose block ended")
	}
}

// arm sets the timer of an entered scope (asyncio's reschedule: a
// deadline already past fires on the next iteration, as call_soon).
func (s *TimeoutScope) arm() {
	if s.deadline.IsZero() {
		return
	}
	l := s.c.loop
	when := int64(s.deadline.Sub(l.start))
	t := &scopeTimer{s: s, gen: s.gen}
	if when <= l.clock() {
		l.schedule(t)
		return
	}
	s.inHeap = true
	l.at(when, t)
}

// disarm makes the armed timer, if any, stale.
func (s *TimeoutScope) disarm() {
	s.gen++
	if s.inHeap {
		s.inHeap = false
		s.c.loop.timerCancelled()
	}
}

// scopeTimer is the action of a scope's timer; a stale one does nothing.
type scopeTimer struct {
	s   *TimeoutScope
	gen uint64
}

func (t *scopeTimer) stale(uint64) bool { return t.gen != t.s.gen || t.s.state != scopeEntered }

func (t *scopeTimer) run() {
	s := t.s
	if t.stale(0) {
		return
	}
	s.inHeap = false
	s.state = scopeExpiring
	s.c.cancel() // the task goes on past the scope: its context stays live
}

type within[T any] struct {
	s       *TimeoutScope
	aw      Awaitable[T]
	started bool
	v       T
	err     error
}

func (w *within[T]) AwaitStart(c *Coro) Status { return c.Push(w) }

func (w *within[T]) AwaitResult() (T, error) { return w.v, w.err }

// Resume enters the scope and awaits the block; resumed when the block has
// finished or has unwound, it leaves the scope.
func (w *within[T]) Resume(c *Coro) Status {
	s := w.s
	if !w.started {
		if c.Unwinding() {
			return Ready
		}
		if s.state != scopeCreated {
			panic("rt: a TimeoutScope is entered once; make a new one for each block")
		}
		w.started = true
		s.state, s.c, s.cancels = scopeEntered, c, c.cancels()
		if s.rel {
			s.rel, s.deadline = false, c.loop.now().Add(s.d)
		}
		s.arm()
		if st := w.aw.AwaitStart(c); st != Ready {
			return st
		}
	}
	s.disarm()
	expired := s.state == scopeExpiring
	if expired {
		s.state = scopeExpired
		c.more().cancels-- // take back the scope's own cancellation
	} else {
		s.state = scopeExited
	}
	if c.Unwinding() {
		if expired && c.unw().canceled && c.cancels() <= s.cancels {
			// Only the deadline cancelled the block: the task goes on.
			c.stopUnwinding()
			w.err = ErrTimeout
		}
		w.aw = nil
		return Ready
	}
	w.v, w.err = w.aw.AwaitResult()
	w.aw = nil
	return Ready
}
