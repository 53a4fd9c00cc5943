//go:build unix

package anet

import (
	"net"
	"os"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"golang.org/x/sys/unix"
)

// Dial connects to address on network ("tcp", "tcp4", "tcp6" or "unix"),
// as net.Dial does. A host name is resolved on rt's thread pool, and
// when it has several addresses they are raced as net.Dialer races them
// (Happy Eyeballs, RFC 8305, lightly): the addresses are taken in the
// resolver's order with the two families interleaved (the first
// address's family first), an attempt starts every FallbackDelay (300
// ms) while none has connected, or at once when the last one started
// failed, and the first to connect wins: the others are cancelled and
// their sockets closed before Dial returns. If none connects, the first
// address's error is returned. Bound it with rt.WaitFor; a cancelled
// Dial closes every socket it opened.
//
// async
func Dial(network, address string) (*Conn, error) {
	eps, err := resolveAll(network, address)
	if err != nil {
		return nil, &net.OpError{Op: "dial", Net: network, Err: err}
	}
	return dialAny(network, eps)
}

// FallbackDelay is how long Dial waits for an attempt to connect before
// it starts the next address's, as net.Dialer's default FallbackDelay.
const FallbackDelay = 300 * time.Millisecond

// dialAny connects to the first endpoint that answers, racing them.
//
// async
func dialAny(network string, eps []endpoint) (*Conn, error) {
	if len(eps) == 1 {
		return dialOne(network, eps[0])
	}
	return dialRace(network, interleave(eps), FallbackDelay)
}

// interleave orders endpoints for racing (RFC 8305 section 4): the
// resolver's order within each family, the families alternating, the
// first endpoint's family first.
func interleave(eps []endpoint) []endpoint {
	var first, other []endpoint
	for _, ep := range eps {
		if ep.family == eps[0].family {
			first = append(first, ep)
		} else {
			other = append(other, ep)
		}
	}
	out := make([]endpoint, 0, len(eps))
	for i := 0; i < len(first) || i < len(other); i++ {
		if i < len(first) {
			out = append(out, first[i])
		}
		if i < len(other) {
			out = append(out, other[i])
		}
	}
	return out
}

// attempt is one endpoint's connection attempt in a race.
type attempt struct {
	task *rt.Task[struct{}]
	c    *Conn
	err  error
	done bool
}

// dialRace races connection attempts to eps, in order, starting one
// every delay or as soon as the last started has failed; the first to
// connect wins. However it ends (won, all failed, or cancelled), the
// attempts still running are cancelled, which closes their sockets, and
// the connections of those that won too late are closed.
//
// async
func dialRace(network string, eps []endpoint, delay time.Duration) (*Conn, error) {
	finished := rt.NewQueue[int](len(eps)) // the index of each attempt that ends
	r := &race{winner: -1, atts: make([]*attempt, 0, len(eps))}
	defer r.settle()
	atts := r.atts[:0]
	failed := 0
	next := true // start the next attempt
	for {
		if next && len(atts) < len(eps) {
			i := len(atts)
			a := &attempt{}
			a.task = rt.Spawn(dialAttemptAsync(network, eps[i], a, finished, i), rt.Name("anet dial "+eps[i].addr.String()))
			atts = append(atts, a)
			r.atts = atts
		}
		next = false
		var i int
		var err error
		if len(atts) < len(eps) {
			i, err = rt.Await(rt.WaitFor(finished.GetAsync(), delay))
			if err == rt.ErrTimeout {
				next = true // no answer in time: the next address's turn
				continue
			}
		} else {
			i, err = finished.Get()
		}
		if err != nil {
			return nil, err
		}
		if atts[i].err == nil {
			r.winner = i
			return atts[i].c, nil
		}
		failed++
		if failed == len(eps) {
			return nil, atts[0].err
		}
		// The newest attempt failed: the next starts now. (When an older
		// one fails, the newest is given a whole delay again.)
		next = i == len(atts)-1
	}
}

// race is the state of a dialRace that its end needs.
type race struct {
	atts   []*attempt
	winner int // -1 until one connects
}

// settle ends a race: the attempts still running are cancelled, which
// closes their sockets, and awaited, so that none is left open when the
// race returns; the connections of those that won too late are closed.
//
// async
func (r *race) settle() {
	for i, a := range r.atts {
		if i != r.winner && !a.done {
			a.task.Cancel()
		}
	}
	for i, a := range r.atts {
		if i == r.winner {
			continue
		}
		rt.Await(a.task) // ErrCanceled once it has unwound
		if a.c != nil {
			a.c.Close()
		}
	}
}

// dialAttempt is one attempt of dialRace: it records its outcome in a
// and reports its end in finished. It never fails itself, so that a lost
// attempt leaves nothing unawaited behind.
//
// async
func dialAttempt(network string, ep endpoint, a *attempt, finished *rt.Queue[int], i int) (struct{}, error) {
	a.c, a.err = dialOne(network, ep)
	a.done = true
	finished.TryPut(i) // room for every attempt: never full
	return struct{}{}, nil
}

// dialOne connects to one endpoint.
//
// async
func dialOne(network string, ep endpoint) (*Conn, error) {
	fd, err := socket(ep.family, unix.SOCK_STREAM)
	if err != nil {
		return nil, &net.OpError{Op: "dial", Net: network, Addr: ep.addr, Err: osErr("socket", err)}
	}
	c := newConn(fd, network, ep.addr)
	ok := false
	defer func() {
		if !ok {
			c.Close() // failed or cancelled: the socket does not leak
		}
	}()
	err = unix.Connect(fd, ep.sa)
	for err == unix.EINTR {
		err = unix.Connect(fd, ep.sa)
	}
	if err == unix.EINPROGRESS {
		if werr := c.fd.WaitWrite(c.wdl); werr != nil {
			return nil, c.opErr("dial", werr)
		}
		var soerr int
		soerr, err = unix.GetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_ERROR)
		if err == nil && soerr != 0 {
			err = unix.Errno(soerr)
		}
	}
	if err != nil {
		return nil, c.opErr("dial", err)
	}
	ok = true
	return c, nil
}

// Listener is a listening stream socket on the loop's poller.
type Listener struct {
	fd      *rt.FD
	sysfd   int
	network string
	addr    net.Addr
	closed  bool
	// share is set on a loop's share of a listener that one acceptor
	// serves for a whole group (group.go): Accept then takes the
	// connections the acceptor hands to this loop.
	share *share
}

// Listen announces on address ("tcp", "tcp4", "tcp6" or "unix"), as
// net.Listen does; port 0 picks a free port (see Addr). It never waits,
// except to resolve a host name.
//
// async
func Listen(network, address string) (*Listener, error) {
	return ListenConfig{}.Listen(network, address)
}

// ListenConfig holds options for listening, as net.ListenConfig does.
type ListenConfig struct {
	// ReusePort sets SO_REUSEPORT on a TCP listener, so that several
	// listeners, one per loop, can listen on the same address: the kernel
	// spreads incoming connections among them. That is how a server uses
	// more than one core: one loop per core, each on its own goroutine
	// with its own listener (see the package doc). Linux and the BSDs.
	ReusePort bool
	// OneAcceptor makes ListenGroup serve one listening socket from one
	// acceptor task that hands connections to the loops round robin,
	// even where SO_REUSEPORT would give each loop its own socket.
	OneAcceptor bool
}

// Listen announces on address with lc's options; otherwise as the
// package's Listen.
//
// async
func (lc ListenConfig) Listen(network, address string) (*Listener, error) {
	ep, err := resolve(network, address)
	if err != nil {
		return nil, &net.OpError{Op: "listen", Net: network, Err: err}
	}
	fd, err := socket(ep.family, unix.SOCK_STREAM)
	if err == nil {
		if network != "unix" {
			err = unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_REUSEADDR, 1)
			if err == nil && lc.ReusePort {
				err = setReusePort(fd)
			}
		}
		if err == nil {
			err = unix.Bind(fd, ep.sa)
		}
		if err == nil {
			err = unix.Listen(fd, unix.SOMAXCONN)
		}
		if err != nil {
			unix.Close(fd)
		}
	}
	if err != nil {
		return nil, &net.OpError{Op: "listen", Net: network, Addr: ep.addr, Err: osErr("listen", err)}
	}
	ln := &Listener{fd: rt.NewFD(fd), sysfd: fd, network: network, addr: ep.addr}
	if sa, err := unix.Getsockname(fd); err == nil {
		ln.addr = sockAddr(sa)
	}
	return ln, nil
}

// Addr returns the address the listener is bound to.
func (ln *Listener) Addr() net.Addr { return ln.addr }

// Close stops listening; a task waiting in Accept wakes with an error
// that wraps net.ErrClosed. A Unix socket's file is removed.
func (ln *Listener) Close() error {
	if ln.closed {
		return &net.OpError{Op: "close", Net: ln.network, Addr: ln.addr, Err: net.ErrClosed}
	}
	ln.closed = true
	if ln.share != nil {
		return ln.share.close()
	}
	err := ln.fd.Close()
	if ua, ok := ln.addr.(*net.UnixAddr); ok {
		unix.Unlink(ua.Name)
	}
	return err
}

// Accept waits for the next connection.
//
// async
func (ln *Listener) Accept() (*Conn, error) {
	if ln.share != nil {
		return ln.share.accept(ln)
	}
	for {
		if ln.closed {
			return nil, ln.opErr(net.ErrClosed)
		}
		nfd, sa, err := accept(ln.sysfd)
		switch err {
		case nil:
			return newConn(nfd, ln.network, sockAddr(sa)), nil
		case unix.EINTR, unix.ECONNABORTED:
			continue
		case unix.EAGAIN:
		default:
			return nil, ln.opErr(osErr("accept", err))
		}
		if err := ln.fd.WaitRead(time.Time{}); err != nil {
			return nil, ln.opErr(err)
		}
	}
}

func (ln *Listener) opErr(err error) error {
	if err == rt.ErrClosed {
		err = net.ErrClosed
	}
	return &net.OpError{Op: "accept", Net: ln.network, Addr: ln.addr, Err: err}
}

func osErr(op string, err error) error {
	if errno, ok := err.(unix.Errno); ok {
		return os.NewSyscallError(op, errno)
	}
	return err
}
