package rt

import (
	"context"
	"errors"
	"log"
	"os"
	"sync/atomic"
	"time"
)

// virtualEpoch is where a virtual clock starts, so traces are reproducible.
var virtualEpoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// loop is an event loop, modelled on CPython's BaseEventLoop: a FIFO ready
// queue, a timer heap, and iterations that each run exactly the entries
// that were ready when the iteration began. It lives on one goroutine.
type loop struct {
	ready    ring
	timers   timerHeap
	timerSeq uint64
	stale    int // timers in the heap whose action was cancelled
	lastID   uint64
	ntasks   int // the live tasks, on the list from head to tail

	// Tasks not yet done, in creation order (an intrusive list, so that
	// finishing a task is O(1)).
	head, tail *Coro

	virtual bool
	start   time.Time // wall and monotonic origin of the clock
	vnow    int64     // virtual clock, nanoseconds since start
	stopped bool
	closed  atomic.Bool // set by close; read by other goroutines (Loop.Closed)

	inbox   inbox       // calls handed over by other goroutines
	threads *threadPool // ToThread's workers, started on first use
	signals *signalHub  // WaitSignal's relay, started on first use
	// cancelSigs are CancelOnSignal's signals; main is the task the
	// latest RunOn runs, which they cancel.
	cancelSigs []os.Signal
	main       *Coro
	// contexts are the tasks' contexts made by Context, kept beside the
	// tasks and dropped when they end (context.go).
	contexts map[*Coro]*taskContext
	// cancelCtx is WithContext's context, which cancels main when done.
	cancelCtx context.Context
	idle      *time.Timer // the channel wait's timer (when there is no poller)
	poll      *poller     // the I/O poller, opened on first need (poll_*.go)
	ioWaits   int         // tasks parked on an FD

	// Tasks that failed with nobody awaiting them yet; reported when the
	// loop ends if still unobserved.
	unobserved []*Coro
	onFailure  func(*Coro, error)
	slow       time.Duration // Debug's threshold, 0 when off

	member *groupMember // the loop's place in a Group, nil on its own (loopgroup.go)
	// extWaits counts tasks waiting for another goroutine without a
	// promise (a Mailbox receive): with no timer set, the loop waits for
	// them rather than report a deadlock, but they do not hold back a
	// virtual clock.
	extWaits int
	// ownerGID is the id of the goroutine running the loop, kept in debug
	// mode only, so that waking a task from another goroutine panics.
	ownerGID uint64
	// walked counts the entries that the amortized walks stepped over:
	// the wait lists' cursor advances, waitq compactions and searches,
	// timer heap compactions, cancelAll's sweeps. It is never read by the
	// loop: TestCancelWalksLinear checks that cancelling n parked tasks
	// walks O(n) entries, not O(n²).
	walked int
}

// ExceptionHandler sets what the loop does with a task that failed (an
// error or a panic, not a cancellation) when nothing awaited it, asked for
// its result, or gathered or grouped it by the time Run returns (asyncio's
// exception handler). The default logs the task's name and error, and the
// panic's stack, with the log package.
func ExceptionHandler(fn func(task *Coro, err error)) LoopOption {
	return func(l *loop) { l.onFailure = fn }
}

func (l *loop) failureHandler() func(*Coro, error) {
	if l.onFailure != nil {
		return l.onFailure
	}
	return logFailure
}

func logFailure(c *Coro, err error) {
	var pe *PanicError
	if errors.As(err, &pe) {
		log.Printf("rt: task %q failed and nothing awaited it: %v\n%s", c.Name(), err, pe.Stack)
		return
	}
	log.Printf("rt: task %q failed and nothing awaited it: %v", c.Name(), err)
}

// Debug turns on the loop's debug mode: every step of a task that runs
// longer than threshold without awaiting (100ms when threshold is 0) is
// logged with the source lines where the task resumed and stopped, since
// such a step keeps every other task waiting (asyncio's debug mode). The
// lines are the user's: when the task waits inside asyncgen's packages
// (a read in rt/anet, say), the report names the user's line that called
// them, then the library's: "from fetch.go:42 via conn.go:315".
func Debug(threshold time.Duration) LoopOption {
	if threshold <= 0 {
		threshold = 100 * time.Millisecond
	}
	return func(l *loop) { l.slow = threshold }
}

// LoopOption configures the loop made by Run.
type LoopOption func(*loop)

// VirtualTime makes the loop clock virtual: it starts at 2000-01-01 00:00
// UTC and, whenever no task is ready, jumps straight to the next timer
// (Trio's autojump clock). Sleeps then take no real time but keep their
// order, which makes time-dependent code fast and deterministic to test.
func VirtualTime() LoopOption {
	return func(l *loop) { l.virtual = true }
}

func newLoop(opts ...LoopOption) *loop {
	l := &loop{inbox: newInbox()}
	for _, o := range opts {
		o(l)
	}
	if l.virtual {
		l.start = virtualEpoch
	} else {
		l.start = time.Now()
	}
	return l
}

// clock returns the loop time in nanoseconds since l.start.
func (l *loop) clock() int64 {
	if l.virtual {
		return l.vnow
	}
	return int64(time.Since(l.start))
}

func (l *loop) now() time.Time { return l.start.Add(time.Duration(l.clock())) }

// schedule appends r to the ready queue (asyncio call_soon).
func (l *loop) schedule(r runnable) {
	if l.ownerGID != 0 {
		l.checkOwner() // debug mode: from the loop's own goroutine only
	}
	l.ready.push(r)
}

// at runs r once the clock reaches when (asyncio call_at).
func (l *loop) at(when int64, r runnable) uint64 {
	l.timerSeq++
	seq := l.timerSeq & seqMask
	l.timers.push(newTimer(when, seq, r))
	return seq
}

// runOnce is one iteration, as CPython's _run_once: wait for the earliest
// timer if nothing is ready, move the expired timers to the ready queue,
// then run the entries that are ready now; what they schedule runs in the
// next iteration. It reports false when nothing could ever run again.
func (l *loop) runOnce() bool {
	if l.ready.len() == 0 && !l.inbox.waiting() {
		if !l.idleWait() {
			return false
		}
	} else if l.ioWaits > 0 {
		l.pollIO() // as CPython, poll with a zero timeout when work is ready
	}
	l.inbox.drain(l)
	if len(l.timers) > 0 { // reading the clock is the costliest part of a turn
		now := l.clock()
		for len(l.timers) > 0 && l.timers[0].when <= now {
			t := l.timers.pop()
			// Every timer made stale is counted in l.stale, so with none
			// counted the check (a load from the timer's task, a cache
			// miss with many timers) is skipped.
			if l.stale > 0 && t.stale() {
				l.stale--
				continue // cancelled
			}
			l.ready.push(t.action())
		}
	}
	n := l.ready.len()
	for ; n > 1; n-- {
		l.ready.pop().run()
	}
	if n == 1 {
		r := l.ready.pop()
		if l.ready.n == 0 && len(l.ready.buf) >= trimFrom {
			// A burst is over (a million first steps grew the ring to
			// 16 MB): drop the ring before the last entry runs, so that
			// what it measures or spawns sees the memory given back.
			// Checked once an iteration rather than in pop, where the
			// check cost a yield about 2.5 ns (BenchmarkYield).
			l.ready.buf, l.ready.head = nil, 0
		}
		r.run()
	}
	// A ring that a burst left mostly empty is cut down (see trim).
	if len(l.ready.buf) >= trimFrom {
		l.ready.trim()
	}
	return true
}

// noteUnobserved keeps a failed task that nothing awaited yet, to report
// it when the loop ends unless something awaits it first. Tasks awaited
// since are dropped whenever the list doubles, so a long-running loop does
// not keep every failed task alive.
func (l *loop) noteUnobserved(c *Coro) {
	if len(l.unobserved) >= 64 && len(l.unobserved) == cap(l.unobserved) {
		l.walked += len(l.unobserved)
		kept := l.unobserved[:0]
		for _, u := range l.unobserved {
			if !u.has(flagObserved) {
				kept = append(kept, u)
			}
		}
		clear(l.unobserved[len(kept):])
		l.unobserved = kept
	}
	l.unobserved = append(l.unobserved, c)
}

// timerCancelled counts a cancelled timer left in the heap, and compacts
// the heap once they are half of it.
func (l *loop) timerCancelled() {
	l.stale++
	if l.stale > 64 && l.stale > len(l.timers)/2 {
		l.walked += len(l.timers)
		l.timers.dropStale()
		l.stale = 0
	}
}

// ioGrace is how long, in real time, a loop on a virtual clock waits for
// I/O before it jumps the clock anyway (see idleWait).
const ioGrace = 100 * time.Millisecond

// idleWait waits, with nothing ready, until a timer is due, an FD a task
// waits on is ready, or another goroutine hands the loop a call. It
// reports false when nothing could ever wake the loop.
//
// A virtual clock jumps to the next timer instead, as Trio's autojump
// clock does, but only when every task is blocked on the clock. While work
// handed to other goroutines is still out, the loop waits for it first
// (it could set an earlier timer). While tasks wait on FDs, the loop waits
// for real I/O, and jumps only after ioGrace of real time passes with no
// I/O and no call from another goroutine: a peer that answers within
// ioGrace is seen before the virtual clock moves past it, and a peer that
// never answers cannot hang a test that bounds its reads in (virtual)
// time.
func (l *loop) idleWait() bool {
	out := l.inbox.outstanding()
	if len(l.timers) == 0 {
		if out == 0 && l.ioWaits == 0 && !l.signals.waiting() && l.extWaits == 0 {
			return false
		}
		l.block(-1)
		return true
	}
	d := l.timers[0].when - l.clock()
	if d <= 0 {
		if l.ioWaits > 0 {
			l.pollIO()
		}
		return true
	}
	if l.virtual {
		switch {
		case out > 0:
			l.block(-1)
		case l.ioWaits > 0:
			if !l.block(int64(ioGrace)) {
				l.vnow += d
			}
		default:
			l.vnow += d
		}
		return true
	}
	l.block(d)
	return true
}

// chanBlock is block without a poller: it waits up to d nanoseconds (d <
// 0: without limit) for the inbox's wake-up channel, and reports whether
// it was woken.
func (l *loop) chanBlock(d int64) bool {
	if d == 0 {
		return l.inbox.waiting()
	}
	if !l.inbox.sleepOn(sleepChan) {
		return true
	}
	defer l.inbox.woke()
	if d < 0 {
		<-l.inbox.wake
		return true
	}
	if l.idle == nil {
		l.idle = time.NewTimer(time.Duration(d))
	} else {
		l.idle.Reset(time.Duration(d))
	}
	select {
	case <-l.idle.C:
		return false
	case <-l.inbox.wake:
		if !l.idle.Stop() {
			<-l.idle.C
		}
		return true
	}
}

// link adds c to the list of live tasks and gives it its id.
func (l *loop) link(c *Coro) {
	l.lastID++
	c.bits = l.lastID<<idShift | c.bits&(1<<idShift-1)
	c.loop = l
	c.prev = l.tail
	if l.tail != nil {
		l.tail.next = c
	} else {
		l.head = c
	}
	l.tail = c
	l.ntasks++
	if l.member != nil {
		l.member.load.Add(1)
	}
}

func (l *loop) unlink(c *Coro) {
	if c.prev != nil {
		c.prev.next = c.next
	} else {
		l.head = c.next
	}
	if c.next != nil {
		c.next.prev = c.prev
	} else {
		l.tail = c.prev
	}
	c.prev, c.next = nil, nil
	l.ntasks--
	if l.member != nil {
		l.member.load.Add(-1)
	}
}

// stopper ends the loop; it is the main task's done callback, so the loop
// stops one iteration after the main task finishes, as in CPython's
// run_until_complete (tasks scheduled before that still get their step).
type stopper struct{ l *loop }

func (s stopper) run() { s.l.stopped = true }

func (s stopper) waiterLoop() *loop { return s.l }

// Run runs aw as the main task of a new event loop on the calling goroutine
// and returns its result once it is done (asyncio.run). Tasks still pending
// when the main task finishes are then cancelled, and the loop runs until
// they have finished unwinding (their deferred calls run), as asyncio.run
// does.
//
// If the main task waits for something that nothing can complete, Run
// returns ErrDeadlock instead of blocking forever. If it panics, Run
// returns a *PanicError.
func Run[T any](aw Awaitable[T], opts ...LoopOption) (T, error) {
	lp := NewLoop(opts...)
	stop := lp.l.watchCancelSignals()
	stopCtx := lp.l.watchContext()
	v, err := RunOn(lp, aw)
	stopCtx()
	stop()
	lp.l.cancelAll()
	lp.Close()
	return v, err
}

// close stops the thread pool and reports the failures nobody saw.
func (l *loop) close() {
	defer l.closed.Store(true)
	for _, c := range l.unobserved {
		if !c.has(flagObserved) {
			c.set(flagObserved)
			if err := c.errv(); !IsCleanEnd(err) {
				l.failureHandler()(c, err)
			}
		}
	}
	l.unobserved = nil
	if l.threads != nil {
		l.threads.stop()
		l.threads = nil
	}
	if l.idle != nil {
		l.idle.Stop()
	}
	if l.signals != nil {
		l.signals.stop()
		l.signals = nil
	}
	l.closePoller()
}

// cancelAll cancels every task still alive and runs the loop until they
// are done, or until nothing more can run.
func (l *loop) cancelAll() {
	for {
		live := make([]*Coro, 0, l.ntasks) // a million tasks: one 8 MB slice, no growth
		for c := l.head; c != nil; c = c.next {
			live = append(live, c)
		}
		l.walked += len(live)
		if len(live) == 0 {
			return
		}
		for _, c := range live {
			c.Cancel()
		}
		for l.head != nil {
			if !l.runOnce() {
				return
			}
		}
	}
}
