package rt

import (
	"container/heap"
	"errors"
)

// Errors of Queue.
var (
	// ErrQueueShutDown is returned by a Put on a queue that was shut down,
	// and by a Get on a shut-down queue that is empty.
	ErrQueueShutDown = errors.New("rt: queue shut down")
	// ErrQueueFull is returned by TryPut on a full queue.
	ErrQueueFull = errors.New("rt: queue full")
	// ErrQueueEmpty is returned by TryGet on an empty queue.
	ErrQueueEmpty = errors.New("rt: queue empty")
)

// Queue is a queue of values between tasks, like asyncio.Queue: Put adds a
// value, waiting while a bounded queue is full, and Get removes one,
// waiting while the queue is empty. Blocked getters and putters are served
// in the order they began waiting. NewQueue gives first-in-first-out
// order, NewLifoQueue last-in-first-out and NewPriorityQueue smallest
// first. A Queue belongs to one loop.
//
// Like asyncio's, a Queue counts unfinished items: Put adds one, TaskDone
// removes one, and Join waits until the count is zero, that is until every
// item put has been taken and processed. Shutdown ends the queue, as Go's
// close ends a channel.
//
// Operations allocate nothing in steady state: the awaitables of Get and
// Put are recycled as soon as their operation completes (their result is
// read right after, before any other code runs). Each awaitable that
// GetAsync or PutAsync returns must be awaited at most once.
type Queue[T any] struct {
	items      store[T]
	maxsize    int
	getters    waitList
	putters    waitList
	unfinished int
	finished   Event
	shutdown   bool
	freeGets   *getOp[T]
	freePuts   *putOp[T]
}

// store is the order of a queue.
type store[T any] interface {
	push(v T)
	pop() T
	len() int
	clear()
}

// NewQueue returns a first-in-first-out queue that holds at most maxsize
// values, or any number if maxsize <= 0.
func NewQueue[T any](maxsize int) *Queue[T] { return newQueue[T](maxsize, &fifo[T]{}) }

// NewLifoQueue returns a last-in-first-out queue (a stack) that holds at
// most maxsize values, or any number if maxsize <= 0.
func NewLifoQueue[T any](maxsize int) *Queue[T] { return newQueue[T](maxsize, &lifo[T]{}) }

// NewPriorityQueue returns a queue whose Get returns the smallest value
// according to less, that holds at most maxsize values, or any number if
// maxsize <= 0. Values that are equal under less come out in no
// particular order, as from asyncio.PriorityQueue.
func NewPriorityQueue[T any](maxsize int, less func(a, b T) bool) *Queue[T] {
	return newQueue[T](maxsize, &priority[T]{h: prioHeap[T]{less: less}})
}

func newQueue[T any](maxsize int, s store[T]) *Queue[T] {
	q := &Queue[T]{items: s, maxsize: maxsize}
	q.finished.set = true
	return q
}

// Len returns the number of values in the queue.
func (q *Queue[T]) Len() int { return q.items.len() }

// Cap returns the queue's maxsize; 0 or less means unbounded.
func (q *Queue[T]) Cap() int { return q.maxsize }

// Empty reports whether the queue holds no value.
func (q *Queue[T]) Empty() bool { return q.items.len() == 0 }

// Full reports whether the queue holds maxsize values; an unbounded queue
// is never full.
func (q *Queue[T]) Full() bool { return q.maxsize > 0 && q.items.len() >= q.maxsize }

// TryPut adds v if the queue has room, without waiting. It returns
// ErrQueueShutDown after Shutdown and ErrQueueFull when the queue is full.
func (q *Queue[T]) TryPut(v T) error {
	if q.shutdown {
		return ErrQueueShutDown
	}
	if q.Full() {
		return ErrQueueFull
	}
	q.put(v)
	return nil
}

func (q *Queue[T]) put(v T) {
	q.items.push(v)
	q.unfinished++
	q.finished.Clear()
	q.getters.wakeNext()
}

// TryGet removes and returns a value if there is one, without waiting. It
// returns ErrQueueEmpty when the queue is empty, ErrQueueShutDown when it
// is empty and shut down.
func (q *Queue[T]) TryGet() (T, error) {
	if q.Empty() {
		var zero T
		if q.shutdown {
			return zero, ErrQueueShutDown
		}
		return zero, ErrQueueEmpty
	}
	return q.get(), nil
}

func (q *Queue[T]) get() T {
	v := q.items.pop()
	q.putters.wakeNext()
	return v
}

// Put adds v to the queue, waiting while the queue is full. It returns
// ErrQueueShutDown if the queue is shut down, before or while it waits.
//
// Put is async: inside an //async function the generator awaits PutAsync.
// Called from ordinary code it is TryPut, except that it panics instead of
// returning ErrQueueFull: it would wait forever.
func (q *Queue[T]) Put(v T) error {
	err := q.TryPut(v)
	if err == ErrQueueFull {
		panic("rt: Queue.Put on a full queue would block: call it from an //async function (where asyncgen awaits PutAsync) running under rt.Run, or use TryPut")
	}
	return err
}

// Get removes and returns a value, waiting while the queue is empty. It
// returns ErrQueueShutDown if the queue is shut down and empty, before or
// while it waits.
//
// Get is async: inside an //async function the generator awaits GetAsync.
// Called from ordinary code it is TryGet, except that it panics instead of
// returning ErrQueueEmpty: it would wait forever.
func (q *Queue[T]) Get() (T, error) {
	v, err := q.TryGet()
	if err == ErrQueueEmpty {
		panic("rt: Queue.Get on an empty queue would block: call it from an //async function (where asyncgen awaits GetAsync) running under rt.Run, or use TryGet")
	}
	return v, err
}

// PutAsync is the companion of Put.
func (q *Queue[T]) PutAsync(v T) Awaitable[struct{}] {
	op := q.freePuts
	if op != nil {
		q.freePuts = op.next
		op.next = nil
	} else {
		op = &putOp[T]{q: q}
	}
	op.v, op.err = v, nil
	return op
}

// GetAsync is the companion of Get.
func (q *Queue[T]) GetAsync() Awaitable[T] {
	op := q.freeGets
	if op != nil {
		q.freeGets = op.next
		op.next = nil
	} else {
		op = &getOp[T]{q: q}
	}
	var zero T
	op.v, op.err = zero, nil
	return op
}

// TaskDone tells the queue that the processing of a value taken with Get
// is complete; when every value put has been so marked, Join returns. It
// panics if called more times than values were put.
func (q *Queue[T]) TaskDone() {
	if q.unfinished <= 0 {
		panic("rt: Queue.TaskDone called too many times")
	}
	q.unfinished--
	if q.unfinished == 0 {
		q.finished.Set()
	}
}

// Join waits until every value put in the queue has been taken and marked
// done with TaskDone.
//
// Join is async: inside an //async function the generator awaits
// JoinAsync. Called from ordinary code it returns if nothing is
// unfinished and panics otherwise.
func (q *Queue[T]) Join() {
	if q.unfinished > 0 {
		panic("rt: Queue.Join with unfinished values would block: call it from an //async function (where asyncgen awaits JoinAsync) running under rt.Run")
	}
}

// JoinAsync is the companion of Join. It allocates nothing.
func (q *Queue[T]) JoinAsync() Awaitable[struct{}] { return q.finished.WaitAsync() }

// Shutdown ends the queue (asyncio 3.13's Queue.shutdown): from now on Put
// returns ErrQueueShutDown, and Get does once the queue is empty; every
// waiting Put, and every waiting Get, is woken to return that error. With
// immediate, the values still queued are dropped (and counted as done for
// Join), so Gets fail at once.
func (q *Queue[T]) Shutdown(immediate bool) {
	q.shutdown = true
	if immediate {
		for n := q.items.len(); n > 0; n-- {
			if q.unfinished > 0 {
				q.unfinished--
			}
		}
		q.items.clear()
		if q.unfinished == 0 {
			q.finished.Set()
		}
	}
	for q.getters.wakeNext() {
	}
	for q.putters.wakeNext() {
	}
}

// IsShutDown reports whether Shutdown was called.
func (q *Queue[T]) IsShutDown() bool { return q.shutdown }

type getOp[T any] struct {
	q    *Queue[T]
	v    T
	err  error
	next *getOp[T]
}

func (o *getOp[T]) AwaitStart(c *Coro) Status {
	q := o.q
	if !q.Empty() {
		o.v = q.get()
		q.recycleGet(o)
		return Ready
	}
	if q.shutdown {
		o.err = ErrQueueShutDown
		q.recycleGet(o)
		return Ready
	}
	q.getters.park(c, (*queueGetters[T])(q)).op = o
	return Suspended
}

// AwaitResult returns the outcome. o was recycled when the get completed;
// its fields stay valid until the next GetAsync reuses it, which cannot
// happen before the awaiting code reads them.
func (o *getOp[T]) AwaitResult() (T, error) { return o.v, o.err }

func (q *Queue[T]) recycleGet(o *getOp[T]) {
	o.next = q.freeGets
	q.freeGets = o
}

type putOp[T any] struct {
	q    *Queue[T]
	v    T
	err  error
	next *putOp[T]
}

func (o *putOp[T]) AwaitStart(c *Coro) Status {
	q := o.q
	if q.shutdown {
		o.err = ErrQueueShutDown
		q.recyclePut(o)
		return Ready
	}
	if !q.Full() {
		q.put(o.v)
		q.recyclePut(o)
		return Ready
	}
	q.putters.park(c, (*queuePutters[T])(q)).op = o
	return Suspended
}

// AwaitResult returns the outcome; see getOp.AwaitResult.
func (o *putOp[T]) AwaitResult() (struct{}, error) { return struct{}{}, o.err }

func (q *Queue[T]) recyclePut(o *putOp[T]) {
	var zero T
	o.v, o.next = zero, q.freePuts
	q.freePuts = o
}

// queueGetters and queuePutters are the queue under the wait policies of
// its two lists.
type (
	queueGetters[T any] Queue[T]
	queuePutters[T any] Queue[T]
)

// resume: a woken getter takes a value; if another task took it first, it
// waits again at the back of the line (asyncio's `while self.empty()`).
func (g *queueGetters[T]) resume(w *waiter) bool {
	q, o := (*Queue[T])(g), w.op.(*getOp[T])
	if !q.Empty() {
		o.v = q.get()
		q.recycleGet(o)
		return true
	}
	if q.shutdown {
		o.err = ErrQueueShutDown
		q.recycleGet(o)
		return true
	}
	q.getters.repark(w, g)
	return false
}

// abandon: a cancelled getter that had been woken for a value passes the
// turn to the next getter.
func (g *queueGetters[T]) abandon(w *waiter, woken bool) {
	q := (*Queue[T])(g)
	if woken && !q.Empty() {
		q.getters.wakeNext()
	}
	q.recycleGet(w.op.(*getOp[T]))
}

func (p *queuePutters[T]) resume(w *waiter) bool {
	q, o := (*Queue[T])(p), w.op.(*putOp[T])
	if q.shutdown {
		o.err = ErrQueueShutDown
		q.recyclePut(o)
		return true
	}
	if !q.Full() {
		q.put(o.v)
		q.recyclePut(o)
		return true
	}
	q.putters.repark(w, p)
	return false
}

func (p *queuePutters[T]) abandon(w *waiter, woken bool) {
	q := (*Queue[T])(p)
	if woken && !q.Full() {
		q.putters.wakeNext()
	}
	q.recyclePut(w.op.(*putOp[T]))
}

// fifo is a growable ring buffer.
type fifo[T any] struct {
	buf  []T
	head int
	n    int
}

func (f *fifo[T]) len() int { return f.n }

func (f *fifo[T]) push(v T) {
	if f.n == len(f.buf) {
		size := 2 * len(f.buf)
		if size == 0 {
			size = 8
		}
		buf := make([]T, size)
		for i := 0; i < f.n; i++ {
			buf[i] = f.buf[(f.head+i)&(len(f.buf)-1)]
		}
		f.buf, f.head = buf, 0
	}
	f.buf[(f.head+f.n)&(len(f.buf)-1)] = v
	f.n++
}

func (f *fifo[T]) pop() T {
	var zero T
	v := f.buf[f.head]
	f.buf[f.head] = zero
	f.head = (f.head + 1) & (len(f.buf) - 1)
	f.n--
	return v
}

func (f *fifo[T]) clear() {
	clear(f.buf)
	f.head, f.n = 0, 0
}

// lifo is a stack.
type lifo[T any] struct{ s []T }

func (l *lifo[T]) len() int { return len(l.s) }
func (l *lifo[T]) push(v T) { l.s = append(l.s, v) }
func (l *lifo[T]) clear()   { clear(l.s); l.s = l.s[:0] }
func (l *lifo[T]) pop() T {
	var zero T
	n := len(l.s) - 1
	v := l.s[n]
	l.s[n] = zero
	l.s = l.s[:n]
	return v
}

// priority is a min-heap under less, kept by container/heap.
type priority[T any] struct {
	h prioHeap[T]
}

type prioHeap[T any] struct {
	s    []T
	less func(a, b T) bool
	in   T // the value Push takes, passed beside the interface to avoid boxing
	out  T // the value Pop removed
}

func (h *prioHeap[T]) Len() int           { return len(h.s) }
func (h *prioHeap[T]) Less(i, j int) bool { return h.less(h.s[i], h.s[j]) }
func (h *prioHeap[T]) Swap(i, j int)      { h.s[i], h.s[j] = h.s[j], h.s[i] }
func (h *prioHeap[T]) Push(any)           { h.s = append(h.s, h.in) }
func (h *prioHeap[T]) Pop() any {
	var zero T
	n := len(h.s) - 1
	h.out = h.s[n]
	h.s[n] = zero
	h.s = h.s[:n]
	return nil
}

func (p *priority[T]) len() int { return len(p.h.s) }
func (p *priority[T]) clear()   { clear(p.h.s); p.h.s = p.h.s[:0] }

func (p *priority[T]) push(v T) {
	p.h.in = v
	heap.Push(&p.h, nil)
	var zero T
	p.h.in = zero
}

func (p *priority[T]) pop() T {
	heap.Pop(&p.h)
	v := p.h.out
	var zero T
	p.h.out = zero
	return v
}
