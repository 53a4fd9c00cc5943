package rt

import (
	"sync"
	"sync/atomic"
)

// inbox is how other goroutines hand calls to the loop (asyncio's
// call_soon_threadsafe): a locked list the loop drains into its ready
// queue at the start of each iteration, and a wake-up for the loop while
// it is idle. It is the one place in rt with a lock: the loop itself never
// takes it unless the list is non-empty.
//
// The loop says how it sleeps before it sleeps (sleep): on the channel
// wake when no task waits on an FD (the Go scheduler then hands the
// goroutine over, a fraction of a microsecond when a core is free), or in
// the poller (an eventfd on Linux, see poll_epoll.go) while tasks wait on
// FDs. A post to a loop that is awake costs no wake-up at all: no channel
// send, no system call; the loop drains the list on its next iteration.
// The loop stores its sleep state before it looks at queued a last time,
// and a poster adds to queued before it loads the state (both sequentially
// consistent atomics), so at least one of the two sees the other: a post
// is never left unnoticed by a sleeping loop.
type inbox struct {
	mu    sync.Mutex
	calls []runnable
	// spare is the list drain emptied last time, reused for the next
	// posts so that a busy inbox allocates nothing; only the loop's own
	// goroutine (drain) touches it.
	spare []runnable
	// pending counts the calls promised but not yet delivered (work handed
	// to a thread); the loop waits for them rather than declare a deadlock
	// or jump the virtual clock past them.
	pending int
	wake    chan struct{}
	// waker is the poller's wake-up, once the loop has one.
	waker atomic.Pointer[poller]
	// queued mirrors len(calls), so the loop's hot path checks it
	// without the lock.
	queued atomic.Int64
	// sleep is how the loop sleeps now: awake, sleepChan or sleepPoll.
	sleep atomic.Int32
}

// The loop's sleep states (inbox.sleep).
const (
	awake     int32 = iota
	sleepChan       // blocked on the wake channel (chanBlock)
	sleepPoll       // blocked in the poller, woken by its wakeLoop
)

func newInbox() inbox { return inbox{wake: make(chan struct{}, 1)} }

// post hands fn to the loop from any goroutine; promised marks the
// delivery of a call announced with promise.
func (b *inbox) post(fn func(), promised bool) { b.postRun(callback(fn), promised) }

// postRun is post for a ready-queue entry: a value that is its own call
// (a Remote starting its task, an awaiter resumed) needs no closure.
func (b *inbox) postRun(r runnable, promised bool) {
	b.mu.Lock()
	b.calls = append(b.calls, r)
	b.queued.Add(1)
	if promised {
		b.pending--
	}
	b.mu.Unlock()
	switch b.sleep.Load() {
	case sleepChan:
		select {
		case b.wake <- struct{}{}:
		default: // a wake-up is already waiting
		}
	case sleepPoll:
		if p := b.waker.Load(); p != nil {
			p.wakeLoop()
		}
	}
}

// sleepOn is called by the loop just before it sleeps the way how says.
// It reports false, the loop staying awake, when a call was posted
// meanwhile. The loop calls woke once its sleep is over.
func (b *inbox) sleepOn(how int32) bool {
	b.sleep.Store(how)
	if b.queued.Load() > 0 {
		b.sleep.Store(awake)
		return false
	}
	return true
}

func (b *inbox) woke() { b.sleep.Store(awake) }

// promise announces, from the loop, a call another goroutine will post.
func (b *inbox) promise() {
	b.mu.Lock()
	b.pending++
	b.mu.Unlock()
}

func (b *inbox) waiting() bool { return b.queued.Load() > 0 }

func (b *inbox) outstanding() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.pending + len(b.calls)
}

// drain moves the posted calls to the ready queue, in the order posted.
func (b *inbox) drain(l *loop) {
	if b.queued.Load() == 0 {
		return
	}
	b.mu.Lock()
	calls := b.calls
	b.calls, b.spare = b.spare, nil
	b.queued.Store(0)
	b.mu.Unlock()
	for _, r := range calls {
		l.schedule(r)
	}
	clear(calls) // drop the references: the ready queue has them now
	if cap(calls) <= maxSpare {
		b.spare = calls[:0]
	}
}

// maxSpare bounds the list an inbox keeps for reuse, so that one burst
// of posts does not pin a large array.
const maxSpare = 1024

// callback is a plain function as a ready-queue entry.
type callback func()

func (f callback) run() { f() }
