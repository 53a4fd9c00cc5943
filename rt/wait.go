package rt

// WaitAny waits until the first of aws finishes and yields its index
// (asyncio.wait with FIRST_COMPLETED). Arguments that are not already
// running (tasks or futures) are started as tasks, in argument order; the
// others keep running. Pass tasks to read the others' results later.
func WaitAny[T any](aws ...Awaitable[T]) Awaitable[int] {
	return &waitAny[T]{args: aws}
}

type waitAny[T any] struct {
	args  []Awaitable[T]
	slots []waitAnySlot[T]
	first int
	w     waitq
	loop  *loop // where the slots run
}

type waitAnySlot[T any] struct {
	o *waitAny[T]
	i int
}

func (s *waitAnySlot[T]) waiterLoop() *loop { return s.o.loop }

func (s *waitAnySlot[T]) run() {
	if !s.o.w.isDone() {
		s.o.first = s.i
		s.o.w.complete()
	}
}

func (o *waitAny[T]) AwaitStart(c *Coro) Status {
	if o.slots == nil {
		o.first, o.loop = -1, c.loop
		o.slots = make([]waitAnySlot[T], len(o.args))
		for i, aw := range o.args {
			o.slots[i] = waitAnySlot[T]{o, i}
			s := startSignaler(c, &o.args[i], aw)
			if w := s.signal(); w.isDone() {
				c.loop.schedule(&o.slots[i])
			} else {
				w.add(c.loop, &o.slots[i])
			}
		}
		if len(o.args) == 0 {
			o.w.markDone()
		}
	}
	if o.w.isDone() {
		return Ready
	}
	o.w.add(c.loop, c)
	return Suspended
}

func (o *waitAny[T]) AwaitResult() (int, error) { return o.first, nil }

// startSignaler returns aw as something with a completion signal, starting
// it as a task (and storing the task in *slot) when it is not one already.
func startSignaler[T any](spawner *Coro, slot *Awaitable[T], aw Awaitable[T]) signaler {
	if s, ok := aw.(signaler); ok {
		return s
	}
	t := newTask(aw, "")
	t.start(spawner.loop)
	inheritContext(&t.Coro, spawner)
	*slot = t
	return t
}

// AsCompleted returns the outcomes of aws in the order they finish
// (asyncio.as_completed):
//
//	done := rt.AsCompleted(a, b, c)
//	for done.More() {
//		v, err := done.Next() // an await point
//		...
//	}
//
// The arguments start, as tasks where needed, at the first Next.
func AsCompleted[T any](aws ...Awaitable[T]) *Completed[T] {
	return &Completed[T]{args: aws, left: len(aws)}
}

// Completed is the sequence of outcomes that AsCompleted returns.
type Completed[T any] struct {
	args    []Awaitable[T]
	slots   []completedSlot[T]
	started bool
	order   []int // indexes finished and not yet taken
	left    int   // outcomes not yet taken
	waiter  *Coro
	parked  bool // Next suspended: the outcome is taken when it resumes
	cur     int
	loop    *loop // where the slots run
}

type completedSlot[T any] struct {
	o *Completed[T]
	i int
}

func (s *completedSlot[T]) waiterLoop() *loop { return s.o.loop }

func (s *completedSlot[T]) run() {
	o := s.o
	o.order = append(o.order, s.i)
	if w := o.waiter; w != nil {
		o.waiter = nil
		w.parked = nil
		w.loop.schedule(w)
	}
}

// More reports whether Next has outcomes left to return.
func (o *Completed[T]) More() bool { return o.left > 0 }

// Next waits for the next outcome to finish and returns it.
//
// Next is async: inside an //async function the generator awaits NextAsync.
// Called from ordinary code it panics.
func (o *Completed[T]) Next() (T, error) {
	panic("rt: Completed.Next must be called from an //async function")
}

// NextAsync is the companion of Next.
func (o *Completed[T]) NextAsync() Awaitable[T] { return (*completedNext[T])(o) }

type completedNext[T any] Completed[T]

func (n *completedNext[T]) AwaitStart(c *Coro) Status {
	o := (*Completed[T])(n)
	if o.left == 0 {
		panic("rt: Completed.Next called with no outcome left (check More)")
	}
	if !o.started {
		o.started, o.loop = true, c.loop
		o.slots = make([]completedSlot[T], len(o.args))
		for i, aw := range o.args {
			o.slots[i] = completedSlot[T]{o, i}
			s := startSignaler(c, &o.args[i], aw)
			if w := s.signal(); w.isDone() {
				c.loop.schedule(&o.slots[i])
			} else {
				w.add(c.loop, &o.slots[i])
			}
		}
	}
	if len(o.order) > 0 {
		n.take()
		return Ready
	}
	o.waiter = c
	o.parked = true
	c.parked = n
	return Suspended
}

func (n *completedNext[T]) take() {
	o := (*Completed[T])(n)
	o.cur = o.order[0]
	o.order = o.order[1:]
	o.left--
}

func (n *completedNext[T]) cancelWait(c *Coro) { n.waiter, n.parked = nil, false }

func (n *completedNext[T]) AwaitResult() (T, error) {
	o := (*Completed[T])(n)
	if o.parked {
		// Woken by a finished outcome: take it now.
		o.parked = false
		n.take()
	}
	return o.args[o.cur].AwaitResult()
}

// Shield awaits aw without letting a cancellation reach it (asyncio.shield):
// if the awaiting task is cancelled, it stops waiting and unwinds, while aw
// (started as a task if it is not one) goes on running.
func Shield[T any](aw Awaitable[T]) Awaitable[T] { return &shield[T]{aw: aw} }

type shield[T any] struct {
	aw Awaitable[T]
	s  signaler
}

func (o *shield[T]) AwaitStart(c *Coro) Status {
	if o.s == nil {
		o.s = startSignaler(c, &o.aw, o.aw)
	}
	w := o.s.signal()
	if w.isDone() {
		return Ready
	}
	w.add(c.loop, c)
	c.parked = w // a plain waitq: cancelling the waiter only takes it off
	return Suspended
}

func (o *shield[T]) AwaitResult() (T, error) { return o.aw.AwaitResult() }
