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
//
// Cancelling a task that waits here is O(1): a task in more keeps its
// index there (in Coro.sleepSeq, unused while the task is parked, tagged
// so that it never equals a timer's seq), and cancelWait leaves a nil
// tombstone at that index. complete skips the tombstones, and cancelWait
// compacts more when they are half of it, so they cost amortized O(1)
// each and never pile up (a task that keeps timing out of a wait on a
// future that never completes leaves no trail).
type waitq struct {
	done  bool
	stale int32 // nil tombstones in more
	loop  *loop // the loop of the waiters, learned from the first one
	first runnable
	// more holds the waiters after the first, behind a pointer allocated
	// on the second waiter: most waitqs (one per task, one per future)
	// never have one, and the pointer keeps the waitq at 40 bytes.
	more *[]runnable
}

// rest returns the waiters after the first (with tombstones).
func (w *waitq) rest() []runnable {
	if w.more == nil {
		return nil
	}
	return *w.more
}

// moreIndex is the tag that marks Coro.sleepSeq as an index into a
// waitq's more: timer seqs count up from 1 and never reach it.
const moreIndex = 1 << 63

func (w *waitq) add(l *loop, r runnable) {
	c, isCoro := r.(*Coro)
	if isCoro {
		c.parked = w
	}
	if w.first == nil && len(w.rest()) == 0 {
		w.loop, w.first = l, r
		return
	}
	if w.loop == nil {
		w.loop = l
	} else if l != w.loop {
		panic("rt: awaited from two different loops")
	}
	if isCoro {
		c.sleepSeq = moreIndex | uint64(len(w.rest()))
	}
	if w.more == nil {
		w.more = new([]runnable)
	}
	*w.more = append(*w.more, r)
}

// cancelWait takes task c off the list (it was cancelled while waiting).
func (w *waitq) cancelWait(c *Coro) {
	c.parked = nil
	if w.first == runnable(c) {
		w.first = nil
		return
	}
	more := w.rest()
	i := -1
	if c.sleepSeq&moreIndex != 0 {
		i = int(c.sleepSeq &^ moreIndex)
		c.sleepSeq = 0
	}
	if i < 0 || i >= len(more) || more[i] != runnable(c) {
		i = -1
		for j, r := range more { // not reached: every task in more has its index
			if r == runnable(c) {
				i = j
				break
			}
		}
		w.loop.walked += len(more)
		if i < 0 {
			return
		}
	}
	more[i] = nil
	w.stale++
	if int(w.stale)*2 > len(more) {
		w.compact()
	}
}

// compact drops the tombstones from more, renumbering the tasks in it.
func (w *waitq) compact() {
	more := w.rest()
	w.loop.walked += len(more)
	k := 0
	for _, r := range more {
		if r == nil {
			continue
		}
		if c, ok := r.(*Coro); ok {
			c.sleepSeq = moreIndex | uint64(k)
		}
		more[k] = r
		k++
	}
	clear(more[k:])
	*w.more = more[:k]
	w.stale = 0
}

// complete marks w done and schedules every waiter (asyncio call_soon).
func (w *waitq) complete() {
	w.done = true
	if w.first != nil {
		w.wake(w.first)
	}
	for _, r := range w.rest() {
		if r != nil {
			w.wake(r)
		}
	}
	w.first, w.more, w.stale = nil, nil, 0
}

func (w *waitq) wake(r runnable) {
	if c, ok := r.(*Coro); ok {
		c.parked = nil
		c.sleepSeq = 0
	}
	w.loop.schedule(r)
}
