package rt

import (
	"sync"
	"sync/atomic"
)

// inbox is how other goroutines hand calls to the loop (asyncio's
// call_soon_threadsafe): a locked list the loop drains into its ready
// queue at the start of each iteration, and a wake-up for the loop while
// it is idle. The wake-up is the poller's (an eventfd on Linux, see
// poll_epoll.go) once the loop has opened one, and a channel before that
// and on systems whose poller has no wake-up of its own. It is the one
// place in rt with a lock: the loop itself never takes it unless the list
// is non-empty.
type inbox struct {
	mu    sync.Mutex
	calls []func()
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
}

func newInbox() inbox { return inbox{wake: make(chan struct{}, 1)} }

// post hands fn to the loop from any goroutine; promised marks the
// delivery of a call announced with promise.
func (b *inbox) post(fn func(), promised bool) {
	b.mu.Lock()
	b.calls = append(b.calls, fn)
	b.queued.Add(1)
	if promised {
		b.pending--
	}
	b.mu.Unlock()
	if p := b.waker.Load(); p != nil {
		p.wakeLoop()
		return
	}
	select {
	case b.wake <- struct{}{}:
	default: // a wake-up is already waiting
	}
}

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
	b.calls = nil
	b.queued.Store(0)
	b.mu.Unlock()
	for _, fn := range calls {
		l.schedule(callback(fn))
	}
}

// callback is a plain function as a ready-queue entry.
type callback func()

func (f callback) run() { f() }
