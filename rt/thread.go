package rt

import "runtime"

// ToThread runs fn on a goroutine of a bounded pool and returns its result,
// without blocking the loop (asyncio.to_thread): the one way to call
// blocking code (a file read, a cgo call, a library without async support)
// from async code. The pool has max(4, GOMAXPROCS+4) goroutines per loop,
// started on first use and stopped when Run returns; they are the only
// goroutines rt starts besides the loop's own.
//
// ToThread is async: inside an //async function the generator awaits
// ToThreadAsync. Called from ordinary code it simply calls fn.
//
// Cancelling the awaiting task does not stop fn (nothing can stop a running
// goroutine): the task unwinds at once and fn's result is dropped. For a
// call that takes a context.Context, ToThreadContext cancels that context
// when the task is cancelled.
func ToThread[T any](fn func() (T, error)) (T, error) { return fn() }

// ToThreadAsync is the companion of ToThread.
func ToThreadAsync[T any](fn func() (T, error)) Awaitable[T] {
	return &threadOp[T]{fn: fn}
}

type threadOp[T any] struct {
	fn    func() (T, error)
	value T
	err   error
	done  bool
	c     *Coro // the waiting task, until the result arrives or it is cancelled
}

func (o *threadOp[T]) AwaitStart(c *Coro) Status {
	l := c.loop
	o.c = c
	c.parked = o
	l.inbox.promise()
	l.pool().submit(func() {
		v, err := o.fn()
		l.inbox.post(func() { o.deliver(v, err) }, true)
	})
	return Suspended
}

// deliver runs on the loop when fn has returned.
func (o *threadOp[T]) deliver(v T, err error) {
	o.value, o.err, o.done = v, err, true
	if c := o.c; c != nil {
		if p := c.loop.threads; p != nil {
			p.refill()
		}
		o.c = nil
		c.parked = nil
		c.loop.schedule(c)
	}
}

func (o *threadOp[T]) cancelWait(c *Coro) { o.c = nil }

func (o *threadOp[T]) AwaitResult() (T, error) { return o.value, o.err }

// threadPool is a fixed number of goroutines taking jobs from a channel.
type threadPool struct {
	jobs     chan func()
	overflow []func() // jobs the channel had no room for, in order
	started  int
	max      int
}

func (l *loop) pool() *threadPool {
	if l.threads == nil {
		n := runtime.GOMAXPROCS(0) + 4
		if n < 4 {
			n = 4
		}
		l.threads = &threadPool{jobs: make(chan func(), 1024), max: n}
	}
	return l.threads
}

// submit queues job, starting another worker while there are fewer than
// max (a worker per job up to max, then they share the queue).
func (p *threadPool) submit(job func()) {
	if p.started < p.max {
		p.started++
		go p.work()
	}
	if len(p.overflow) == 0 {
		select {
		case p.jobs <- job:
			return
		default: // never block the loop
		}
	}
	p.overflow = append(p.overflow, job)
}

// refill moves queued jobs into the channel as room appears; the loop
// calls it each time a job's result is delivered.
func (p *threadPool) refill() {
	for len(p.overflow) > 0 {
		select {
		case p.jobs <- p.overflow[0]:
			p.overflow[0] = nil
			p.overflow = p.overflow[1:]
		default:
			return
		}
	}
}

func (p *threadPool) work() {
	for job := range p.jobs {
		job()
	}
}

// stop ends the workers once the queued jobs are done.
func (p *threadPool) stop() { close(p.jobs) }
