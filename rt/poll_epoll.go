//go:build linux && !asyncgen_pollfallback

package rt

// The poller on Linux: epoll through golang.org/x/sys/unix. Its contract,
// which poll_other.go keeps too, in the manner of Go's runtime/netpoll.go:
//
//   - The loop opens the poller on first need: when a task first waits on
//     an FD. A loop whose tasks never wait on an FD never opens one, and
//     Close closes it. It is an epoll instance and an eventfd.
//   - attachFD registers an FD once, edge-triggered, for reading and
//     writing (EPOLLIN|EPOLLOUT|EPOLLRDHUP|EPOLLET), the first time a task
//     waits on it; the registration lasts until the FD is closed, so a
//     wait costs no epoll_ctl. Edge-triggered is safe because a task waits
//     only after its system call returned EAGAIN, and the loop polls only
//     between task steps: every readiness change after the EAGAIN is a new
//     edge that the next epoll_wait reports.
//   - A task waiting on an FD is parked on the FD's read or write slot
//     (FD.WaitRead/WaitWrite), not on a goroutine. When epoll reports the
//     FD, the loop schedules the slot's task; EPOLLERR and EPOLLHUP wake
//     both sides, so that the retried system call reports the error.
//     Cancelling the task, or its deadline passing, empties the slot: an
//     edge that comes later finds nobody and is dropped. Every read-side
//     event, dropped or not, makes the FD not drained (FD.SetDrained), and
//     a hang-up or an error keeps it so for good: a task that read all the
//     kernel had may then wait without reading again, since whatever comes
//     after that read is an edge the poller has yet to report.
//   - Before it sleeps, a loop with nothing to run polls spinPolls times
//     without a timeout, yielding to other goroutines in between: under
//     load the next event usually comes within those few microseconds, and
//     a loop that finds it never leaves its thread and P, where a sleep
//     costs the Go runtime a P hand-off and a futex wake-up on its return
//     (BenchmarkGroupEcho: 15-20% less CPU per round trip).
//   - block(d) is epoll_wait with the next timer's deadline as its timeout
//     (rounded up to a millisecond; -1 when there is no timer), so timers
//     need no ticker goroutine. pollIO is epoll_wait with timeout 0,
//     which the loop calls on each iteration where tasks are ready and
//     some task waits on an FD, so that I/O is not starved by busy tasks.
//     Either takes epoll's events in batches of 128 until a batch is not
//     full (up to 64 batches), so that thousands of sockets that became
//     ready together wake their tasks in one iteration.
//   - While no task waits on an FD, the loop sleeps on the inbox channel
//     (with a Go timer for the next deadline), not in epoll_wait: see
//     block. While tasks wait on FDs it sleeps in epoll_wait, and other
//     goroutines wake it (Loop.CallSoonThreadSafe, ToThread results,
//     Submit from another loop) by writing to the eventfd, which epoll
//     watches; a post to a loop that is not asleep writes nothing. The wakeSig
//     flag, set with a compare-and-swap, keeps that to one write per
//     sleep of the loop, however many goroutines post; the loop clears it
//     after reading the eventfd. A write that races with Close is dropped
//     under a mutex, so it can never hit a reused descriptor number.
//   - No goroutine is started: the loop goroutine sleeps in epoll_wait.

import (
	"encoding/binary"
	"math"
	"runtime"
	"sync"
	"sync/atomic"

	"golang.org/x/sys/unix"
)

// pollData is what an FD needs of the poller: nothing more than its
// number, with epoll.
type pollData struct{}

type poller struct {
	epfd, evfd int
	fds        []*FD // registered FDs by descriptor number
	events     [128]unix.EpollEvent

	wakeSig atomic.Uint32
	mu      sync.Mutex // orders a wake-up write with close
	closed  bool
}

// openPoller returns the loop's poller, opening it on first use, or nil
// when the system refuses (the loop then sleeps on the inbox channel and
// FD waits fail).
func (l *loop) openPoller() (*poller, error) {
	if l.poll != nil {
		return l.poll, nil
	}
	epfd, err := unix.EpollCreate1(unix.EPOLL_CLOEXEC)
	if err != nil {
		return nil, err
	}
	evfd, err := unix.Eventfd(0, unix.EFD_CLOEXEC|unix.EFD_NONBLOCK)
	if err != nil {
		unix.Close(epfd)
		return nil, err
	}
	ev := unix.EpollEvent{Events: unix.EPOLLIN, Fd: int32(evfd)}
	if err := unix.EpollCtl(epfd, unix.EPOLL_CTL_ADD, evfd, &ev); err != nil {
		unix.Close(epfd)
		unix.Close(evfd)
		return nil, err
	}
	p := &poller{epfd: epfd, evfd: evfd}
	// A loop made with NewLoop and never closed does not keep its
	// descriptors forever.
	runtime.SetFinalizer(p, (*poller).close)
	l.poll = p
	l.inbox.waker.Store(p)
	return p, nil
}

func (l *loop) closePoller() {
	if l.poll != nil {
		l.inbox.waker.Store(nil)
		runtime.SetFinalizer(l.poll, nil)
		l.poll.close()
		l.poll = nil
	}
}

func (p *poller) close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.closed {
		p.closed = true
		unix.Close(p.epfd)
		unix.Close(p.evfd)
	}
}

func (l *loop) attachFD(f *FD) error {
	p, err := l.openPoller()
	if err != nil {
		return err
	}
	ev := unix.EpollEvent{
		Events: unix.EPOLLIN | unix.EPOLLOUT | unix.EPOLLRDHUP | unix.EPOLLET,
		Fd:     int32(f.sysfd),
	}
	if err := unix.EpollCtl(p.epfd, unix.EPOLL_CTL_ADD, f.sysfd, &ev); err != nil {
		return err
	}
	for len(p.fds) <= f.sysfd {
		p.fds = append(p.fds, nil)
	}
	p.fds[f.sysfd] = f
	return nil
}

func (l *loop) detachFD(f *FD) {
	p := l.poll
	if p == nil || f.sysfd >= len(p.fds) || p.fds[f.sysfd] != f {
		return
	}
	p.fds[f.sysfd] = nil
	// Closing the descriptor would remove it too, unless a forked child
	// still holds a copy.
	unix.EpollCtl(p.epfd, unix.EPOLL_CTL_DEL, f.sysfd, nil)
}

// armFD and disarmFD have nothing to do: the registration is
// edge-triggered and permanent.
func (l *loop) armFD(*FD, bool)    {}
func (l *loop) disarmFD(*FD, bool) {}

// block sleeps until an FD event, a wake-up from another goroutine, or d
// nanoseconds (d < 0: no limit), and reports whether something woke it.
//
// With no task waiting on an FD, the loop sleeps on the inbox channel
// instead (chanBlock): another loop or goroutine then wakes it through
// the Go scheduler, with no eventfd write or read and no thread woken
// from epoll_wait, which is what makes a cross-loop Submit and await
// cheap. Events of registered FDs that nobody waits for stay queued in
// the epoll instance until the next wait, which is all edge-triggered
// registration needs.
func (l *loop) block(d int64) bool {
	if l.ioWaits == 0 {
		return l.chanBlock(d)
	}
	p, err := l.openPoller()
	if err != nil {
		return l.chanBlock(d)
	}
	ms := -1
	switch {
	case d == 0:
		ms = 0
	case d > 0:
		ms = int(min((d+999_999)/1_000_000, math.MaxInt32))
	}
	if ms != 0 {
		for range spinPolls {
			runtime.Gosched()
			if p.wait(l, 0) || l.inbox.waiting() {
				return true
			}
		}
		if !l.inbox.sleepOn(sleepPoll) {
			return true
		}
		defer l.inbox.woke()
	}
	return p.wait(l, ms)
}

// pollIO delivers the FD events that are pending, without sleeping.
func (l *loop) pollIO() {
	if l.poll != nil {
		l.poll.wait(l, 0)
	}
}

func (p *poller) wait(l *loop, ms int) bool {
	woke := false
	// A full batch means more events may be pending: take them too (with
	// no wait), so that thousands of sockets that became ready at once are
	// all woken in one iteration, not 128 per iteration.
	for range maxBatches {
		n, err := unix.EpollWait(p.epfd, p.events[:], ms)
		if err != nil {
			return true // EINTR: the caller looks again
		}
		woke = woke || n > 0
		p.deliver(n)
		if n < len(p.events) {
			break
		}
		ms = 0
	}
	return woke
}

// spinPolls is how many times a loop with nothing to run polls without
// sleeping (yielding to other goroutines between polls) before it sleeps.
const spinPolls = 3

// maxBatches bounds how many batches of events one wait takes.
const maxBatches = 64

// deliver wakes the slots of the first n events.
func (p *poller) deliver(n int) {
	for i := range n {
		ev := &p.events[i]
		fd := int(ev.Fd)
		if fd == p.evfd {
			var buf [8]byte
			unix.Read(p.evfd, buf[:])
			p.wakeSig.Store(0)
			continue
		}
		if fd >= len(p.fds) || p.fds[fd] == nil {
			continue
		}
		f := p.fds[fd]
		if ev.Events&(unix.EPOLLRDHUP|unix.EPOLLHUP|unix.EPOLLERR) != 0 {
			f.hup = true // readable for good: SetDrained(true) is ignored from now on
		}
		if ev.Events&(unix.EPOLLIN|unix.EPOLLRDHUP|unix.EPOLLHUP|unix.EPOLLERR) != 0 {
			f.r.wake(nil) // makes f not drained, with a reader parked or not
		}
		if ev.Events&(unix.EPOLLOUT|unix.EPOLLHUP|unix.EPOLLERR) != 0 {
			f.w.wake(nil)
		}
	}
}

// wakeLoop is called by other goroutines after posting to the inbox.
func (p *poller) wakeLoop() {
	if !p.wakeSig.CompareAndSwap(0, 1) {
		return // a wake-up is already on its way
	}
	var one [8]byte
	binary.NativeEndian.PutUint64(one[:], 1)
	p.mu.Lock()
	if !p.closed {
		unix.Write(p.evfd, one[:])
	}
	p.mu.Unlock()
}
