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

func (q *ring) grow() { q.resize(max(2*len(q.buf), 16)) }

// Ring sizes for trim: a ring of at least trimFrom entries that holds at
// most 1/16 of that is cut to trimTo entries (or four times what it holds).
const (
	trimFrom = 1 << 14
	trimTo   = 1 << 10
)

// trim gives back the memory of a ring that a burst grew (spawning a
// million tasks schedules a million first steps: 16 MB) once the burst is
// over: the loop calls it once an iteration, after running what was
// ready, and drops a big ring that the iteration emptied before it runs
// the last entry (runOnce). The thresholds keep a loop whose bursts come and go
// from reallocating often (each trim is paid by the 15/16 of the ring
// that drained).
func (q *ring) trim() {
	if len(q.buf) >= trimFrom && q.n <= len(q.buf)/16 {
		size := trimTo
		for size < 4*q.n {
			size *= 2
		}
		q.resize(size)
	}
}

// resize moves the entries to a new buffer of size entries (a power of
// two, at least q.n).
func (q *ring) resize(size int) {
	buf := make([]runnable, size)
	for i := 0; i < q.n; i++ {
		buf[i] = q.buf[(q.head+i)&(len(q.buf)-1)]
	}
	q.buf, q.head = buf, 0
}

// waitq is the list of waiters to schedule when something completes (a
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
//
// A waitq is 24 bytes (TestTaskSize): every waiter knows its loop, so the
// waitq does not keep one, and the done flag is first holding doneMark.
type waitq struct {
	// first is the first waiter, nil when there is none (or it was taken
	// off), doneMark once complete.
	first notifiee
	// more holds the waiters after the first, behind a pointer allocated
	// on the second waiter: most waitqs (one per task, one per future)
	// never have one.
	more *waitMore
}

// waitMore is the part of a waitq beyond its first waiter: the tasks, one
// word each (a future that a hundred thousand tasks await holds a hundred
// thousand words), and apart from them the done callbacks, each with its
// place among the tasks.
type waitMore struct {
	tasks []*Coro
	calls *[]waitCall // allocated on the first callback
	stale int         // nil tombstones in tasks
}

// waitCall is a done callback in a waitMore: it runs after the tasks
// before index at, and before the others.
type waitCall struct {
	at int
	w  notifiee
}

// A notifiee is what a waitq schedules: a task (*Coro) or a done callback,
// which knows the loop it runs on.
type notifiee interface {
	runnable
	waiterLoop() *loop
}

// doneMarker is the type of doneMark, the first waiter of a complete
// waitq; it is never scheduled.
type doneMarker struct{ _ byte }

var doneMark = &doneMarker{}

func (*doneMarker) run()              { panic("rt: a completed waitq's mark was scheduled") }
func (*doneMarker) waiterLoop() *loop { return nil }

func (c *Coro) waiterLoop() *loop { return c.loop }

// isDone reports whether w is complete.
func (w *waitq) isDone() bool { return w.first == doneMark }

// markDone marks w complete without waiters to wake (it has none).
func (w *waitq) markDone() { w.first, w.more = doneMark, nil }

// restTasks returns the tasks waiting after the first waiter (with
// tombstones).
func (w *waitq) restTasks() []*Coro {
	if w.more == nil {
		return nil
	}
	return w.more.tasks
}

// restCalls returns the done callbacks after the first waiter.
func (w *waitq) restCalls() []waitCall {
	if w.more == nil || w.more.calls == nil {
		return nil
	}
	return *w.more.calls
}

// restLen returns the number of entries after the first waiter, tombstones
// included.
func (w *waitq) restLen() int { return len(w.restTasks()) + len(w.restCalls()) }

// empty reports whether w has no waiter (tombstones aside).
func (w *waitq) empty() bool {
	if w.first != nil && !w.isDone() {
		return false
	}
	for _, c := range w.restTasks() {
		if c != nil {
			return false
		}
	}
	return len(w.restCalls()) == 0
}

// moreIndex is the tag that marks Coro.sleepSeq as an index into a
// waitq's more: timer seqs count up from 1 and never reach it.
const moreIndex = 1 << 63

func (w *waitq) add(l *loop, r notifiee) {
	c, isCoro := r.(*Coro)
	if isCoro {
		c.parked = w
	}
	if w.first == nil && w.restLen() == 0 {
		w.first = r
		return
	}
	if wl := w.waitersLoop(); wl != nil && wl != l {
		panic("rt: awaited from two different loops")
	}
	m := w.more
	if m == nil {
		m = &waitMore{}
		w.more = m
	}
	if isCoro {
		c.sleepSeq = moreIndex | uint64(len(m.tasks))
		m.tasks = append(m.tasks, c)
		return
	}
	if m.calls == nil {
		m.calls = new([]waitCall)
	}
	*m.calls = append(*m.calls, waitCall{len(m.tasks), r})
}

// waitersLoop returns the loop of w's waiters, as its first waiter, its
// last task or its last callback tells, or nil when none of them is there
// (taken off: the check in add is then skipped rather than searching).
func (w *waitq) waitersLoop() *loop {
	if w.first != nil {
		return w.first.waiterLoop()
	}
	if ts := w.restTasks(); len(ts) > 0 && ts[len(ts)-1] != nil {
		return ts[len(ts)-1].loop
	}
	if cs := w.restCalls(); len(cs) > 0 {
		return cs[len(cs)-1].w.waiterLoop()
	}
	return nil
}

// cancelWait takes task c off the list (it was cancelled while waiting).
func (w *waitq) cancelWait(c *Coro) {
	c.parked = nil
	if w.first == c {
		w.first = nil
		return
	}
	tasks := w.restTasks()
	i := -1
	if c.sleepSeq&moreIndex != 0 {
		i = int(c.sleepSeq &^ moreIndex)
		c.sleepSeq = 0
	}
	if i < 0 || i >= len(tasks) || tasks[i] != c {
		i = -1
		for j, t := range tasks { // not reached: every task in more has its index
			if t == c {
				i = j
				break
			}
		}
		c.loop.walked += len(tasks)
		if i < 0 {
			return
		}
	}
	tasks[i] = nil
	w.more.stale++
	if w.more.stale*2 > len(tasks) {
		w.compact(c.loop)
	}
}

// compact drops the tombstones from more, renumbering the tasks in it and
// moving the callbacks' places to match.
func (w *waitq) compact(l *loop) {
	m := w.more
	calls := w.restCalls()
	l.walked += len(m.tasks) + len(calls)
	k, ci := 0, 0
	for i, c := range m.tasks {
		for ci < len(calls) && calls[ci].at <= i {
			calls[ci].at = k
			ci++
		}
		if c == nil {
			continue
		}
		c.sleepSeq = moreIndex | uint64(k)
		m.tasks[k] = c
		k++
	}
	for ; ci < len(calls); ci++ {
		calls[ci].at = k
	}
	clear(m.tasks[k:])
	m.tasks = m.tasks[:k]
	m.stale = 0
}

// complete marks w done and schedules every waiter (asyncio call_soon), in
// the order they began waiting.
func (w *waitq) complete() {
	if w.isDone() {
		return
	}
	first, tasks, calls := w.first, w.restTasks(), w.restCalls()
	w.markDone()
	if first != nil {
		wake(first)
	}
	ci := 0
	for i, c := range tasks {
		for ci < len(calls) && calls[ci].at <= i {
			wake(calls[ci].w)
			ci++
		}
		if c != nil {
			wakeTask(c)
		}
	}
	for ; ci < len(calls); ci++ {
		wake(calls[ci].w)
	}
}

func wake(r notifiee) {
	if c, ok := r.(*Coro); ok {
		wakeTask(c)
		return
	}
	r.waiterLoop().schedule(r)
}

func wakeTask(c *Coro) {
	c.parked = nil
	c.sleepSeq = 0
	c.loop.schedule(c)
}
