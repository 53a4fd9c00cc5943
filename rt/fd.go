package rt

import (
	"errors"
	"os"
	"time"
)

// This file is the portable half of the I/O poller: FD, the waits a task
// parks on, and how they meet the loop. The per-OS half (poll_epoll.go on
// Linux, poll_other.go elsewhere) documents the poller's contract.

// Errors of file descriptor waits. A wait that passes its deadline fails
// with os.ErrDeadlineExceeded, the error the net package uses.
var (
	// ErrClosed is returned by a wait on an FD that is closed, and by the
	// waits that Close interrupts.
	ErrClosed = errors.New("rt: file descriptor closed")
	// ErrBusy is returned when a task waits to read (or write) an FD that
	// another task is already waiting to read (or write), as asyncio
	// refuses a second concurrent read of a stream.
	ErrBusy = errors.New("rt: another task is already waiting on this file descriptor")
)

// FD is a non-blocking file descriptor (a socket, a pipe) waited on by the
// loop's poller: a task tries its system call and, when the call would
// block (EAGAIN), awaits WaitRead or WaitWrite, which parks it until the
// descriptor is ready, its deadline passes or it is closed. Waiting starts
// no goroutine (on Linux; see poll_other.go elsewhere).
//
// An FD is registered with the poller of the loop of the first task that
// waits on it, and belongs to that loop from then on: use it, and Close
// it, only from that loop's tasks. At most one task waits to read and one
// to write at a time (a second gets ErrBusy). This is the building block
// of the network package rt/anet; most programs use that instead.
type FD struct {
	sysfd    int
	l        *loop
	closed   bool
	r, w     ioSlot
	pollData // per-OS registration state
	// spareRead is the read wait that WaitReadAsync hands out while
	// spareBusy is false, so that the usual read wait allocates nothing; it
	// is busy from then until its AwaitResult (or the cancellation of its
	// task). Only reads have one: a parked reader holds it instead of an op
	// of its own, so an idle connection costs no more, while writes seldom
	// wait.
	spareRead ioOp
	spareBusy bool
	// drained says that the last read of f took all the kernel had (see
	// SetDrained); hup that the poller reported a hang-up or an error,
	// after which f is never taken as drained again.
	drained, hup bool
}

// NewFD wraps sysfd, which must already be in non-blocking mode; the FD
// owns it from now on and Close closes it.
func NewFD(sysfd int) *FD {
	f := &FD{sysfd: sysfd}
	f.r.f, f.w.f = f, f
	f.w.write = true
	return f
}

// Sysfd returns the file descriptor number, or -1 once f is closed: the
// kernel may hand the number to the next file opened, so a system call
// made with it after Close must fail (EBADF) rather than reach that file.
// Check Closed first to report a clear error.
func (f *FD) Sysfd() int {
	if f.closed {
		return -1
	}
	return f.sysfd
}

// SetDrained records what the caller's last read of f says of the
// kernel's receive queue: drained is true when the read returned fewer
// bytes than it asked for, which on a TCP socket (Linux's tcp_recvmsg
// stops short only when the queue is empty) means nothing is left to
// read, and false otherwise. While f is drained, Drained reports true, and
// a task may wait on f at once instead of making a read that would fail
// with EAGAIN: the poller reports every readiness edge after the read.
// The poller makes f not drained on every read-side event it takes for f
// (with a task parked or not) and for good once it reports a hang-up or
// an error (a FIN that came with the last data stays readable with no new
// edge); a read wait's end does too. Not for a stream that may return
// short reads with more queued (a Unix socket: messages of different
// senders are not joined; TCP urgent data, which rt/anet does not ask
// for).
func (f *FD) SetDrained(drained bool) { f.drained = drained && !f.hup }

// Drained reports whether f's last read took all the kernel had and no
// readiness has been reported since (see SetDrained).
func (f *FD) Drained() bool { return f.drained }

// Closed reports whether Close was called.
func (f *FD) Closed() bool { return f.closed }

// Close wakes the tasks waiting on f (their waits fail with ErrClosed),
// takes f off the poller and closes the descriptor. Closing twice returns
// ErrClosed.
func (f *FD) Close() error {
	if f.closed {
		return ErrClosed
	}
	f.closed = true
	f.r.wake(ErrClosed)
	f.w.wake(ErrClosed)
	if f.l != nil {
		f.l.detachFD(f)
	}
	return closeSysfd(f.sysfd)
}

// WaitRead waits until f is readable (or at end of file, or in error), the
// deadline passes (os.ErrDeadlineExceeded; the zero time means none) or f
// is closed (ErrClosed). Readiness is a hint: retry the system call, and
// wait again if it still would block.
//
// WaitRead is async: inside an //async function the generator awaits
// WaitReadAsync, and the deadline is on the loop's clock (Now). Called from
// ordinary code it blocks the calling goroutine in poll(2), the deadline on
// the wall clock.
func (f *FD) WaitRead(deadline time.Time) error {
	if f.closed {
		return ErrClosed
	}
	f.drained = false // the caller reads again after the wait
	return waitBlocking(f.sysfd, false, deadline)
}

// WaitReadAsync is the companion of WaitRead.
func (f *FD) WaitReadAsync(deadline time.Time) Awaitable[struct{}] {
	if f.spareBusy {
		return &ioOp{f: f, deadline: deadline}
	}
	f.spareBusy = true
	f.spareRead = ioOp{f: f, deadline: deadline, spare: true}
	return &f.spareRead
}

// WaitWrite waits until f is writable; otherwise as WaitRead.
func (f *FD) WaitWrite(deadline time.Time) error {
	if f.closed {
		return ErrClosed
	}
	return waitBlocking(f.sysfd, true, deadline)
}

// WaitWriteAsync is the companion of WaitWrite.
func (f *FD) WaitWriteAsync(deadline time.Time) Awaitable[struct{}] {
	return &ioOp{f: f, write: true, deadline: deadline}
}

// ioOp is one wait, as an awaitable.
type ioOp struct {
	f        *FD
	write    bool
	deadline time.Time
	err      error
	spare    bool // f.spareRead
}

func (o *ioOp) AwaitStart(c *Coro) Status {
	f, l := o.f, c.loop
	s := &f.r
	if o.write {
		s = &f.w
	}
	switch {
	case f.closed:
		o.err = ErrClosed
	case s.c != nil:
		o.err = ErrBusy
	case f.l != nil && f.l != l:
		o.err = errors.New("rt: file descriptor waited on from two loops")
	}
	if o.err != nil {
		return Ready
	}
	var when int64
	if !o.deadline.IsZero() {
		when = int64(o.deadline.Sub(l.start))
		if when <= l.clock() {
			o.err = os.ErrDeadlineExceeded
			return Ready
		}
	}
	if f.l == nil {
		if err := l.attachFD(f); err != nil {
			o.err = err
			return Ready
		}
		f.l = l
	}
	s.c, s.op = c, o
	c.parked = s
	l.ioWaits++
	l.armFD(f, o.write)
	if when != 0 {
		s.timerSeq = l.at(when, s)
	}
	return Suspended
}

func (o *ioOp) AwaitResult() (struct{}, error) {
	err := o.err
	if o.spare {
		o.f.spareBusy = false // the awaiter is done with it
	}
	return struct{}{}, err
}

// ioSlot is the read or the write side of an FD: the task parked on it,
// if any. It is the task's waitCanceler and the action of the wait's
// deadline timer.
type ioSlot struct {
	f        *FD
	write    bool
	c        *Coro
	op       *ioOp
	timerSeq uint64 // the deadline timer, 0 when none
}

// wake ends the wait, if a task is parked, with err (nil: f is ready) and
// schedules the task.
func (s *ioSlot) wake(err error) {
	if !s.write {
		s.f.drained = false // the woken reader reads again
	}
	c := s.c
	if c == nil {
		return
	}
	s.op.err = err
	s.release()
	c.parked = nil
	c.loop.schedule(c)
}

// release takes the waiter off the slot and its deadline timer.
func (s *ioSlot) release() {
	l := s.c.loop
	s.c, s.op = nil, nil
	l.ioWaits--
	if s.timerSeq != 0 {
		s.timerSeq = 0
		l.timerCancelled()
	}
}

// cancelWait takes a cancelled task off the slot (and so off the poller:
// a readiness event that comes later finds nobody to wake).
func (s *ioSlot) cancelWait(c *Coro) {
	if s.c != c {
		return
	}
	if s.op.spare {
		s.f.spareBusy = false // the cancelled task unwinds: it never reads the result
	}
	s.release()
	c.loop.disarmFD(s.f, s.write)
}

// run is the deadline timer firing.
func (s *ioSlot) run() {
	if s.c == nil {
		return
	}
	s.timerSeq = 0
	l, f, write := s.c.loop, s.f, s.write
	s.wake(os.ErrDeadlineExceeded)
	l.disarmFD(f, write)
}

func (s *ioSlot) stale(seq uint64) bool { return s.timerSeq != seq }
