package rt

// runnable is an entry of the ready queue or a timer's action: a task step
// (*Coro) or a callback. Queue entries are interface values holding
// pointers, so scheduling never allocates once the ring has grown.
type runnable interface {
	run()
}

// ring is the FIFO ready queue: a growable power-of-two ring buffer.
type ring struct {
	buf  []runnable
	head int
	n    int
}

func (q *ring) len() int { return q.n }

func (q *ring) push(r runnable) {
	if q.n == len(q.buf) {
		q.grow()
	}
	q.buf[(q.head+q.n)&(len(q.buf)-1)] = r
	q.n++
}

func (q *ring) pop() runnable {
	r := q.buf[q.head]
	q.buf[q.head] = nil // let the GC have finished tasks
	q.head = (q.head + 1) & (len(q.buf) - 1)
	q.n--
	return r
}

func (q *ring) grow() {
	size := 2 * len(q.buf)
	if size == 0 {
		size = 16
	}
	buf := make([]runnable, size)
	for i := 0; i < q.n; i++ {
		buf[i] = q.buf[(q.head+i)&(len(q.buf)-1)]
	}
	q.buf, q.head = buf, 0
}

// waitq is the list of runnables to schedule when something completes (a
// task, a future, a gather), in registration order like asyncio's done
// callbacks. The first waiter is stored inline: most things have one.
type waitq struct {
	done  bool
	loop  *loop // the loop of the waiters, learned from the first one
	first runnable
	more  []runnable
}

func (w *waitq) add(l *loop, r runnable) {
	if c, ok := r.(*Coro); ok {
		c.parked = w
	}
	if w.first == nil {
		w.loop, w.first = l, r
		return
	}
	if l != w.loop {
		panic("rt: awaited from two different loops")
	}
	w.more = append(w.more, r)
}

// cancelWait takes task c off the list (it was cancelled while waiting).
func (w *waitq) cancelWait(c *Coro) {
	c.parked = nil
	if w.first == runnable(c) {
		w.first = nil
		if len(w.more) > 0 {
			w.first = w.more[0]
			w.more = w.more[1:]
		}
		return
	}
	for i, r := range w.more {
		if r == runnable(c) {
			w.more = append(w.more[:i], w.more[i+1:]...)
			return
		}
	}
}

// complete marks w done and schedules every waiter (asyncio call_soon).
func (w *waitq) complete() {
	w.done = true
	if w.first == nil {
		return
	}
	w.wake(w.first)
	for _, r := range w.more {
		w.wake(r)
	}
	w.first, w.more = nil, nil
}

func (w *waitq) wake(r runnable) {
	if c, ok := r.(*Coro); ok {
		c.parked = nil
	}
	w.loop.schedule(r)
}
