//go:build unix

package anet

import (
	"io"
	"net"

	"github.com/asyncgen/asyncgen/rt"
	"golang.org/x/sys/unix"
)

// ReadAsync is the companion of Read, written by hand so that a Read
// allocates nothing: the awaitable is the Conn's spare read operation
// (a second Read started while it is in use gets one of its own), and it
// completes without suspending when the read-ahead buffer or the socket
// has data. Only when the socket has nothing does it go on the task's
// stack, as a frame, and wait on the poller.
func (c *Conn) ReadAsync(p []byte) rt.Awaitable[int] {
	if c.sec != nil && c.off >= len(c.buf) {
		return c.readTLSAsync(p) // records through crypto/tls (tls.go)
	}
	o := &c.spareRead
	if o.c != nil {
		o = new(connOp)
	}
	*o = connOp{c: c, p: p}
	return o
}

// ReadFullAsync is the companion of ReadFull, written by hand as
// ReadAsync is (it shares the Conn's spare read operation).
func (c *Conn) ReadFullAsync(p []byte) rt.Awaitable[int] {
	if c.sec != nil {
		return c.readFullTLSAsync(p)
	}
	o := &c.spareRead
	if o.c != nil {
		o = new(connOp)
	}
	*o = connOp{c: c, p: p, full: true}
	return o
}

// WriteAsync is the companion of Write, written by hand as ReadAsync is:
// a Write that the kernel's send buffer takes at once allocates nothing
// and does not suspend.
func (c *Conn) WriteAsync(p []byte) rt.Awaitable[int] {
	if c.sec != nil {
		return c.writeTLSAsync(p)
	}
	o := &c.spareWrite
	if o.c != nil {
		o = new(connOp)
	}
	*o = connOp{c: c, p: p, write: true}
	return o
}

// connOp is one Read or Write in flight: an awaitable, and while it waits
// on the poller the top frame of its task. It behaves as the generated
// coroutines of Read (and readSome) and Write did: the same system calls
// in the same order, the same errors, and under cancellation it returns
// nothing (a Write's LastWritten still says what the kernel took). A spare
// (Conn.spareRead, spareWrite) is free again once its result is taken or
// it has unwound; o.c is nil while it is free.
type connOp struct {
	c     *Conn
	p     []byte
	n     int
	err   error
	wait  rt.Awaitable[struct{}] // the poller wait in flight, if any
	write bool
	full  bool // ReadFull: read until p is full
}

func (o *connOp) AwaitStart(co *rt.Coro) rt.Status {
	if o.write {
		o.c.written = 0
		if !o.tryWrite() {
			return rt.Ready
		}
	} else {
		c := o.c
		if c.off < len(c.buf) {
			o.n = copy(o.p, c.buf[c.off:])
			c.consume(o.n)
			if !o.full || o.n == len(o.p) {
				return rt.Ready
			}
		}
		if o.n == len(o.p) {
			return rt.Ready
		}
		// After a read that took all the kernel had, wait at once rather
		// than make a read that fails with EAGAIN (see rt.FD.SetDrained).
		if (c.closed || !c.fd.Drained()) && !o.tryRead() {
			return rt.Ready
		}
	}
	// The socket would block: wait on the poller as a frame of the task,
	// which Resume starts at once.
	return co.Push(o)
}

func (o *connOp) Resume(co *rt.Coro) rt.Status {
	if co.Unwinding() {
		o.release()
		return rt.Ready
	}
	for {
		if o.wait != nil {
			_, err := o.wait.AwaitResult()
			o.wait = nil
			if err != nil {
				o.fail(err)
				return rt.Ready
			}
			var again bool
			if o.write {
				again = o.tryWrite()
			} else {
				again = o.tryRead()
			}
			if !again {
				return rt.Ready
			}
		}
		if o.write {
			o.wait = o.c.fd.WaitWriteAsync(o.c.wdl)
		} else {
			o.wait = o.c.fd.WaitReadAsync(o.c.rdl)
		}
		if s := o.wait.AwaitStart(co); s != rt.Ready {
			return s
		}
	}
}

func (o *connOp) AwaitResult() (int, error) {
	n, err := o.n, o.err
	o.release()
	return n, err
}

// release frees a spare for the next operation.
func (o *connOp) release() { *o = connOp{} }

// fail ends the operation with the poller's error err.
func (o *connOp) fail(err error) {
	switch {
	case o.write:
		o.err = o.c.opErr("write", err)
	case o.full:
		o.err = o.c.opErr("read", err) // o.n: what ReadFull read before
	default:
		o.n, o.err = 0, o.c.opErr("read", err)
	}
}

// tryRead reads from the socket; it reports true when the socket has
// nothing and the read must wait. len(o.p) > 0.
func (o *connOp) tryRead() (wait bool) {
	if o.full {
		return o.tryReadFull()
	}
	c := o.c
	for {
		if c.closed {
			o.n, o.err = 0, c.opErr("read", net.ErrClosed)
			return false
		}
		n, err := unix.Read(c.sysfd, o.p)
		switch err {
		case nil:
			if n == 0 {
				o.n, o.err = 0, io.EOF
			} else {
				o.n = n
				c.fd.SetDrained(c.tcp && n < len(o.p))
			}
			return false
		case unix.EINTR:
			continue
		case unix.EAGAIN:
			return true
		default:
			o.n, o.err = 0, c.opErr("read", err)
			return false
		}
	}
}

// tryWrite writes what is left of o.p; it reports true when the kernel's
// send buffer is full and the write must wait.
func (o *connOp) tryWrite() (wait bool) {
	c := o.c
	for o.n < len(o.p) {
		if c.closed {
			o.err = c.opErr("write", net.ErrClosed)
			return false
		}
		m, err := unix.Write(c.sysfd, o.p[o.n:])
		if m > 0 {
			o.n += m
			c.written = o.n
		}
		switch err {
		case nil, unix.EINTR:
			continue
		case unix.EAGAIN:
			return true
		default:
			o.err = c.opErr("write", err)
			return false
		}
	}
	return false
}

// tryReadFull is tryRead for ReadFull: it reads until o.p is full, and
// reports true when the socket has no more yet. What is left of o.p to
// fill, when small, is read through a scratch buffer, so that the read is
// short once the socket is empty (the bytes past o.p stay buffered for
// the next read): then the next read, after a reply is written say, waits
// without a read that would only fail with EAGAIN.
func (o *connOp) tryReadFull() (wait bool) {
	c := o.c
	for o.n < len(o.p) {
		if c.closed {
			o.err = c.opErr("read", net.ErrClosed)
			return false
		}
		if c.off < len(c.buf) { // bytes another task's read buffered meanwhile
			k := copy(o.p[o.n:], c.buf[c.off:])
			c.consume(k)
			o.n += k
			continue
		}
		var m int
		var err error
		var short bool
		if want := len(o.p) - o.n; want <= readAheadMax {
			s := scratch.Get().(*[]byte)
			m, err = unix.Read(c.sysfd, *s)
			if m > 0 {
				short = m < len(*s)
				k := copy(o.p[o.n:], (*s)[:m])
				c.buf = append(c.buf, (*s)[k:m]...) // read ahead: kept for the next read
				m = k
			}
			scratch.Put(s)
		} else {
			m, err = unix.Read(c.sysfd, o.p[o.n:])
			short = m < want
		}
		switch err {
		case nil:
			if m == 0 {
				o.err = io.ErrUnexpectedEOF
				if o.n == 0 {
					o.err = io.EOF
				}
				return false
			}
			o.n += m
			c.fd.SetDrained(c.tcp && short)
			if o.n < len(o.p) && short {
				return c.tcp // a Unix socket may have more: read again
			}
		case unix.EINTR:
		case unix.EAGAIN:
			return true
		default:
			o.err = c.opErr("read", err)
			return false
		}
	}
	return false
}

// readAheadMax is the most of a ReadFull that is read through a scratch
// buffer (and so may read ahead).
const readAheadMax = 4 << 10
