package rt

import (
	"errors"
	"sync"
)

// ErrMailboxClosed is returned by Mailbox.Send after Close, and by
// Mailbox.Recv once the mailbox is closed and empty.
var ErrMailboxClosed = errors.New("rt: mailbox closed")

// Mailbox is a FIFO queue between loops: many producers, on any loop of
// a group or on any goroutine, send to it; its consumers are the tasks of
// one loop, the first one that receives from it. It is the way to build a
// pipeline whose stages run on different loops.
//
// Send never waits (the mailbox is unbounded: bound a pipeline with a
// Semaphore on the producer's side, or by awaiting Remotes). A consumer
// parked in Recv is woken through its loop's inbox, one post per value
// handed to a waiting consumer; values sent while the consumer is busy
// queue up and are taken without any hand-over. Values are received in
// the order they were sent (the order of the Send calls, for concurrent
// producers), and waiting consumers are served in the order they began
// waiting.
type Mailbox[T any] struct {
	mu      sync.Mutex
	buf     []T
	head    int
	closed  bool
	owner   *loop
	waiters []*mailboxRecv[T]
}

// NewMailbox returns an empty, open mailbox.
func NewMailbox[T any]() *Mailbox[T] { return &Mailbox[T]{} }

// Send appends v; from any goroutine. It fails with ErrMailboxClosed
// after Close.
func (m *Mailbox[T]) Send(v T) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return ErrMailboxClosed
	}
	if len(m.waiters) > 0 {
		m.handTo(m.popWaiter(), v, nil)
		return nil
	}
	m.buf = append(m.buf, v)
	return nil
}

// Close closes the mailbox, from any goroutine: Send fails from then on,
// and Recv returns what is left, then ErrMailboxClosed. Closing twice is
// harmless.
func (m *Mailbox[T]) Close() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.closed = true
	for len(m.waiters) > 0 {
		var zero T
		m.handTo(m.popWaiter(), zero, ErrMailboxClosed)
	}
}

// Len returns the number of values waiting to be received.
func (m *Mailbox[T]) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.buf) - m.head
}

// Recv waits for the next value. Only tasks of one loop may receive: the
// first receive binds the mailbox to its loop, and a receive from another
// loop panics.
//
// Recv is async: inside an //async function the generator awaits
// RecvAsync. Called from ordinary code it returns a value when one is
// there (or ErrMailboxClosed), and panics when it would have to wait.
func (m *Mailbox[T]) Recv() (T, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, err, ok := m.take(); ok {
		return v, err
	}
	panic("rt: Mailbox.Recv would wait: call it from an //async function (where asyncgen makes it RecvAsync)")
}

// RecvAsync is the companion of Recv.
func (m *Mailbox[T]) RecvAsync() Awaitable[T] { return &mailboxRecv[T]{m: m} }

// take pops the next value, or reports closed; ok is false when the
// caller must wait. m.mu is held.
func (m *Mailbox[T]) take() (v T, err error, ok bool) {
	if m.head < len(m.buf) {
		v = m.buf[m.head]
		var zero T
		m.buf[m.head] = zero
		m.head++
		if m.head == len(m.buf) {
			m.buf, m.head = m.buf[:0], 0
		} else if m.head >= 64 && m.head*2 >= len(m.buf) {
			n := copy(m.buf, m.buf[m.head:])
			clear(m.buf[n:])
			m.buf, m.head = m.buf[:n], 0
		}
		return v, nil, true
	}
	if m.closed {
		return v, ErrMailboxClosed, true
	}
	return v, nil, false
}

func (m *Mailbox[T]) popWaiter() *mailboxRecv[T] {
	w := m.waiters[0]
	m.waiters[0] = nil
	m.waiters = m.waiters[1:]
	return w
}

// handTo gives v (or err) to waiter w and wakes its task through the
// loop's inbox. m.mu is held.
func (m *Mailbox[T]) handTo(w *mailboxRecv[T], v T, err error) {
	w.v, w.err, w.handed = v, err, true
	m.owner.inbox.post(w.wake, false)
}

// mailboxRecv is one receive: the awaitable and, while it waits, the
// entry on the mailbox's list of waiters.
type mailboxRecv[T any] struct {
	m      *Mailbox[T]
	c      *Coro
	v      T
	err    error
	handed bool // v or err was handed over; the wake-up is posted
	gone   bool // the task was cancelled after the hand-over
}

func (w *mailboxRecv[T]) AwaitStart(c *Coro) Status {
	m := w.m
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.owner == nil {
		m.owner = c.loop
	} else if m.owner != c.loop {
		wrongLoop("a Mailbox's receiving end", m.owner, c.loop)
	}
	if v, err, ok := m.take(); ok {
		w.v, w.err = v, err
		return Ready
	}
	w.c = c
	m.waiters = append(m.waiters, w)
	c.parked = w
	c.loop.extWaits++
	return Suspended
}

func (w *mailboxRecv[T]) AwaitResult() (T, error) { return w.v, w.err }

// wake runs on the consumer's loop, posted by handTo.
func (w *mailboxRecv[T]) wake() {
	c := w.c
	c.loop.extWaits--
	if w.gone {
		return
	}
	c.parked = nil
	c.run()
}

// cancelWait takes a cancelled receiver off the mailbox. A value already
// handed to it goes back to the front of the mailbox (to the next waiter,
// if there is one), so that no value is lost.
func (w *mailboxRecv[T]) cancelWait(c *Coro) {
	m := w.m
	m.mu.Lock()
	defer m.mu.Unlock()
	if !w.handed {
		for i, x := range m.waiters {
			if x == w {
				m.waiters = append(m.waiters[:i], m.waiters[i+1:]...)
				break
			}
		}
		c.loop.extWaits--
		return
	}
	w.gone = true
	if w.err != nil {
		return
	}
	if len(m.waiters) > 0 {
		m.handTo(m.popWaiter(), w.v, nil)
		return
	}
	if m.head > 0 {
		m.head--
		m.buf[m.head] = w.v
	} else {
		m.buf = append(m.buf, w.v)
		copy(m.buf[1:], m.buf)
		m.buf[0] = w.v
	}
}
