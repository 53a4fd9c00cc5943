//go:build unix && (!linux || asyncgen_pollfallback)

package rt

// The portable poller, for Unix systems without epoll (macOS, the BSDs;
// on Linux, build with -tags asyncgen_pollfallback to test it: rt/anet's
// TestPollFallback does, see the rt/anet package doc). It keeps the
// contract of poll_epoll.go with these differences:
//
//   - One helper goroutine per loop, started when a task first waits on
//     an FD and ended by Close, which waits for it to end (so that its
//     descriptors are closed and the goroutine gone when Close returns),
//     waits in poll(2) on every FD a task waits on, plus a self-pipe that
//     tells it the set changed. Never a goroutine per FD or per waiting
//     task.
//   - Interest is one-shot: armFD adds (FD, read or write) to the set when
//     a task parks; when poll reports it, the helper drops it from the set
//     and hands the wake-up to the loop through the inbox (the thread-safe
//     call), whose channel wakes the loop. The readiness found while an
//     earlier hand-over is not yet run joins it: one inbox entry (the
//     poller itself) per batch, and the lists are reused, so a wait
//     allocates nothing. disarmFD drops the interest when the wait is
//     cancelled or times out.
//   - The loop sleeps on the inbox channel with a timer for the next
//     deadline (chanBlock), as before the poller existed; pollIO has
//     nothing to do, since readiness arrives through the inbox, which the
//     loop drains on every iteration.
//   - Readiness arrives on the helper's schedule, not the loop's: sockets
//     that become ready together may wake their tasks over several loop
//     iterations (epoll takes them in one), and a loop busy with ready
//     tasks sees I/O as soon as the helper has posted it.
//   - A readiness report that arrives after its wait ended (cancelled,
//     timed out, FD closed) wakes nobody, or wakes a later waiter whose
//     retried system call then says EAGAIN and waits again.

import (
	"sync"

	"golang.org/x/sys/unix"
)

type pollData struct{}

type poller struct {
	inbox *inbox
	pipe  [2]int
	done  chan struct{} // closed when the helper has ended

	mu     sync.Mutex
	want   map[*FD]pollEvents // the poll events each FD's parked tasks wait for
	closed bool
	ready  []readyFD // found ready, not yet handed to the loop's tasks
	posted bool      // the poller is in the inbox, to deliver ready

	spare []readyFD // the list run emptied last, for reuse (the loop's only)
}

// readyFD is one FD that poll reported, and which sides to wake.
type readyFD struct {
	f    *FD
	r, w bool
}

// wakeLoop is not used: this poller wakes the loop through the inbox.
func (*poller) wakeLoop() {}

func (l *loop) openPoller() (*poller, error) {
	if l.poll != nil {
		return l.poll, nil
	}
	p := &poller{inbox: &l.inbox, want: make(map[*FD]pollEvents), done: make(chan struct{})}
	if err := unix.Pipe(p.pipe[:]); err != nil {
		return nil, err
	}
	for _, fd := range p.pipe {
		unix.CloseOnExec(fd)
		unix.SetNonblock(fd, true)
	}
	l.poll = p
	go p.serve()
	return p, nil
}

// closePoller ends the helper and waits until it has closed the pipe.
func (l *loop) closePoller() {
	if p := l.poll; p != nil {
		p.mu.Lock()
		p.closed = true
		p.mu.Unlock()
		p.poke()
		<-p.done
		l.poll = nil
	}
}

// pokeByte is what poke writes (a package variable: a literal would be
// allocated on each call).
var pokeByte = []byte{0}

// poke tells the helper that the set changed.
func (p *poller) poke() { unix.Write(p.pipe[1], pokeByte) }

func (l *loop) attachFD(*FD) error {
	_, err := l.openPoller()
	return err
}

func (l *loop) detachFD(f *FD) {
	if p := l.poll; p != nil {
		p.mu.Lock()
		delete(p.want, f)
		p.mu.Unlock()
		p.poke()
	}
}

func pollEvent(write bool) pollEvents {
	if write {
		return unix.POLLOUT
	}
	return unix.POLLIN
}

func (l *loop) armFD(f *FD, write bool) {
	p := l.poll
	p.mu.Lock()
	p.want[f] |= pollEvent(write)
	p.mu.Unlock()
	p.poke()
}

func (l *loop) disarmFD(f *FD, write bool) {
	p := l.poll
	p.mu.Lock()
	if ev := p.want[f] &^ pollEvent(write); ev != 0 {
		p.want[f] = ev
	} else {
		delete(p.want, f)
	}
	p.mu.Unlock()
}

func (l *loop) block(d int64) bool { return l.chanBlock(d) }

func (l *loop) pollIO() {}

// run is the poller as an inbox entry, on the loop: it wakes the tasks of
// the FDs the helper found ready since the last run.
func (p *poller) run() {
	p.mu.Lock()
	got := p.ready
	p.ready, p.spare = p.spare[:0], nil
	p.posted = false
	p.mu.Unlock()
	for _, g := range got {
		if g.r {
			g.f.r.wake(nil)
		}
		if g.w {
			g.f.w.wake(nil)
		}
	}
	clear(got) // drop the FDs: they may be closed and forgotten
	p.spare = got[:0]
}

// serve is the helper goroutine.
func (p *poller) serve() {
	defer close(p.done)
	var (
		pfds []unix.PollFd
		fs   []*FD
		buf  [64]byte
	)
	for {
		p.mu.Lock()
		if p.closed {
			p.mu.Unlock()
			unix.Close(p.pipe[0])
			unix.Close(p.pipe[1])
			return
		}
		pfds = append(pfds[:0], unix.PollFd{Fd: int32(p.pipe[0]), Events: unix.POLLIN})
		fs = append(fs[:0], nil)
		for f, ev := range p.want {
			pfds = append(pfds, unix.PollFd{Fd: int32(f.sysfd), Events: ev})
			fs = append(fs, f)
		}
		p.mu.Unlock()
		if _, err := unix.Poll(pfds, -1); err != nil {
			continue // EINTR
		}
		if pfds[0].Revents != 0 {
			for {
				if n, _ := unix.Read(p.pipe[0], buf[:]); n <= 0 {
					break
				}
			}
		}
		post := false
		p.mu.Lock()
		for i := 1; i < len(pfds); i++ {
			re := pfds[i].Revents
			if re == 0 {
				continue
			}
			f := fs[i]
			bad := re&(unix.POLLHUP|unix.POLLERR|unix.POLLNVAL) != 0
			r := bad || re&unix.POLLIN != 0
			w := bad || re&unix.POLLOUT != 0
			if ev, ok := p.want[f]; ok {
				if r {
					ev &^= unix.POLLIN
				}
				if w {
					ev &^= unix.POLLOUT
				}
				if ev == 0 {
					delete(p.want, f)
				} else {
					p.want[f] = ev
				}
			}
			p.ready = append(p.ready, readyFD{f, r, w})
			if !p.posted {
				p.posted, post = true, true
			}
		}
		p.mu.Unlock()
		clear(fs) // keep no closed FD reachable while poll sleeps
		if post {
			p.inbox.postRun(p, false)
		}
	}
}
