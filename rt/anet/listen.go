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
// as net.Dial does. A host name is resolved on rt's thread pool, and its
// addresses are tried one after another, in the resolver's order, until
// one connects; if none does, the first one's error is returned. Bound it
// with rt.WaitFor.
//
// async
func Dial(network, address string) (*Conn, error) {
	eps, err := resolveAll(network, address)
	if err != nil {
		return nil, &net.OpError{Op: "dial", Net: network, Err: err}
	}
	return dialAny(network, eps)
}

// dialAny tries the endpoints in turn.
//
// async
func dialAny(network string, eps []endpoint) (*Conn, error) {
	var first error
	for _, ep := range eps {
		c, err := dialOne(network, ep)
		if err == nil {
			return c, nil
		}
		if first == nil {
			first = err
		}
	}
	return nil, first
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
