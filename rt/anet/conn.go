//go:build unix

package anet

import (
	"bytes"
	"errors"
	"io"
	"net"
	"os"
	"sync"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"golang.org/x/sys/unix"
)

// ErrTooLong is returned by ReadUntil when the delimiter is not within the
// read limit (see SetReadLimit); the bytes read stay buffered.
var ErrTooLong = errors.New("anet: delimiter not found within the read limit")

// DefaultReadLimit is how far ReadUntil looks for its delimiter unless
// SetReadLimit says otherwise (asyncio's stream limit).
const DefaultReadLimit = 64 << 10

// Conn is a stream connection (TCP or Unix) on the loop's poller. Its
// reads are buffered only by ReadUntil and ReadExactly, which may read
// ahead; Read returns what they left first.
type Conn struct {
	fd           *rt.FD
	sysfd        int
	network      string
	laddr, raddr net.Addr
	rdl, wdl     time.Time // deadlines; zero means none
	buf          []byte    // read-ahead: buf[off:] is unread
	off          int
	limit        int
	closed       bool
	readEOF      bool
	tcp          bool      // a TCP stream: a short read means the kernel had no more (rt.FD.SetDrained)
	written      int       // how much of its buffer the last Write handed to the kernel
	sec          *tlsState // TLS layer (tls.go); nil for plain streams
	// spareRead and spareWrite are the awaitables of ReadAsync and
	// WriteAsync (connop.go), reused so that they allocate nothing.
	spareRead, spareWrite connOp
}

func newConn(sysfd int, network string, raddr net.Addr) *Conn {
	c := &Conn{fd: rt.NewFD(sysfd), sysfd: sysfd, network: network, raddr: raddr, limit: DefaultReadLimit, tcp: network != "unix"}
	if c.tcp {
		unix.SetsockoptInt(sysfd, unix.IPPROTO_TCP, unix.TCP_NODELAY, 1)
	}
	if c.raddr == nil {
		if sa, err := unix.Getpeername(sysfd); err == nil {
			c.raddr = sockAddr(sa)
		}
	}
	return c
}

// opErr wraps err the way net does, so that errors.Is(err,
// os.ErrDeadlineExceeded), errors.Is(err, net.ErrClosed) and net.Error's
// Timeout work as with net.Conn.
func (c *Conn) opErr(op string, err error) error {
	switch err {
	case rt.ErrClosed:
		err = net.ErrClosed
	case unix.EAGAIN:
		err = os.ErrDeadlineExceeded
	}
	if errno, ok := err.(unix.Errno); ok {
		err = os.NewSyscallError(op, errno)
	}
	return &net.OpError{Op: op, Net: c.network, Source: c.LocalAddr(), Addr: c.raddr, Err: err}
}

// LocalAddr returns the local address (asked of the kernel on first use,
// so that a connection that never needs it costs no system call).
func (c *Conn) LocalAddr() net.Addr {
	if c.laddr == nil && !c.closed {
		if sa, err := unix.Getsockname(c.sysfd); err == nil {
			c.laddr = sockAddr(sa)
		}
	}
	return c.laddr
}

// RemoteAddr returns the peer's address.
func (c *Conn) RemoteAddr() net.Addr { return c.raddr }

// SetDeadline sets the read and write deadlines, on the loop's clock.
func (c *Conn) SetDeadline(t time.Time) error {
	c.rdl, c.wdl = t, t
	return nil
}

// SetReadDeadline sets the deadline of reads; the zero time means none.
func (c *Conn) SetReadDeadline(t time.Time) error {
	c.rdl = t
	return nil
}

// SetWriteDeadline sets the deadline of writes; the zero time means none.
func (c *Conn) SetWriteDeadline(t time.Time) error {
	c.wdl = t
	return nil
}

// SetReadLimit sets how many bytes ReadUntil reads ahead looking for its
// delimiter before it fails with ErrTooLong (DefaultReadLimit at first).
func (c *Conn) SetReadLimit(n int) { c.limit = n }

// Buffered returns how many bytes have been read ahead and not yet
// returned.
func (c *Conn) Buffered() int { return len(c.buf) - c.off }

// Close closes the connection; tasks waiting on it wake with an error
// that wraps net.ErrClosed.
func (c *Conn) Close() error {
	if c.closed {
		return c.opErr("close", net.ErrClosed)
	}
	c.closed = true
	c.buf = nil
	if c.sec != nil {
		c.closeTLS()
	}
	if err := c.fd.Close(); err != nil {
		return c.opErr("close", err)
	}
	return nil
}

// CloseWrite shuts down the writing side: the peer reads end of file.
func (c *Conn) CloseWrite() error {
	if c.closed {
		return c.opErr("close", net.ErrClosed)
	}
	if c.sec != nil {
		return c.closeWriteTLS()
	}
	if err := unix.Shutdown(c.sysfd, unix.SHUT_WR); err != nil {
		return c.opErr("close", err)
	}
	return nil
}

// Read reads up to len(p) bytes: what ReadUntil or ReadExactly read ahead
// first, else what the socket has, waiting until it has something. At end
// of stream it returns 0, io.EOF.
//
// Read is async (ReadAsync, written by hand: connop.go); called from
// ordinary code it blocks.
func (c *Conn) Read(p []byte) (int, error) {
	if c.off < len(c.buf) {
		n := copy(p, c.buf[c.off:])
		c.consume(n)
		return n, nil
	}
	return c.readSome(p)
}

// ReadFull reads exactly len(p) bytes into p, as io.ReadFull does with
// Read: it returns len(p), nil, or how much it read and io.EOF (nothing
// read) or io.ErrUnexpectedEOF (the stream ended midway), or another
// error. Unlike Read it may read ahead, as ReadUntil does (up to 16 KiB,
// when what is left to fill is at most 4 KiB): the bytes past p stay
// buffered for the next read, and a read that finds the socket empty lets
// the next one wait without a system call that would fail with EAGAIN. A
// ReadFull whose task is cancelled returns nothing, and the bytes it had
// put in p are lost to the stream.
//
// ReadFull is async (ReadFullAsync, written by hand as ReadAsync is: it
// allocates nothing, where an async helper that loops on Read allocates
// its frame at every call); called from ordinary code it blocks.
func (c *Conn) ReadFull(p []byte) (int, error) { return io.ReadFull(c, p) }

// readFullTLS is ReadFull over TLS.
//
// async
func (c *Conn) readFullTLS(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		m, err := c.Read(p[n:])
		n += m
		if err == io.EOF && n > 0 {
			return n, io.ErrUnexpectedEOF
		}
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// readSome reads from the socket, waiting on the poller while it has
// nothing.
//
// async
func (c *Conn) readSome(p []byte) (int, error) {
	if c.sec != nil {
		return c.readTLS(p)
	}
	if len(p) == 0 {
		return 0, nil
	}
	for {
		if c.closed {
			return 0, c.opErr("read", net.ErrClosed)
		}
		n, err := unix.Read(c.sysfd, p)
		switch err {
		case nil:
			if n == 0 {
				return 0, io.EOF
			}
			return n, nil
		case unix.EINTR:
			continue
		case unix.EAGAIN:
		default:
			return 0, c.opErr("read", err)
		}
		if err := c.fd.WaitRead(c.rdl); err != nil {
			return 0, c.opErr("read", err)
		}
	}
}

// Write writes all of p, waiting while the kernel's send buffer is full
// (that wait is the backpressure a fast writer feels from a slow peer).
// It returns len(p), nil, or how much the kernel took before an error (a
// write deadline: an error that wraps os.ErrDeadlineExceeded). A Write
// whose task is cancelled returns nothing; LastWritten then says how much
// of p the kernel took.
//
// Write is async (WriteAsync, written by hand: connop.go); called from
// ordinary code it blocks.
func (c *Conn) Write(p []byte) (int, error) {
	if c.sec != nil {
		return c.writeTLS(p)
	}
	n := 0
	c.written = 0
	for n < len(p) {
		if c.closed {
			return n, c.opErr("write", net.ErrClosed)
		}
		m, err := unix.Write(c.sysfd, p[n:])
		if m > 0 {
			n += m
			c.written = n
		}
		switch err {
		case nil, unix.EINTR:
			continue
		case unix.EAGAIN:
		default:
			return n, c.opErr("write", err)
		}
		if err := c.fd.WaitWrite(c.wdl); err != nil {
			return n, c.opErr("write", err)
		}
	}
	return n, nil
}

// LastWritten returns how many bytes of its buffer the last Write (the
// one running, or the one that ended last) handed to the kernel: what it
// returned, or, for a Write that was cancelled while it waited for the
// send buffer (Task.Cancel, rt.WaitFor's timeout, a Timeout scope, a
// failing group) and so returned nothing, the prefix of its buffer that
// the peer will still receive. The bytes after it were never sent.
func (c *Conn) LastWritten() int { return c.written }

// ReadUntil reads up to and including the first delim (asyncio's
// readuntil) and returns those bytes in a new slice; bytes after it stay
// buffered for the next read. At end of stream it returns what it read
// and io.ErrUnexpectedEOF, or nil and io.EOF if that was nothing. If the
// delimiter is not within the read limit it returns ErrTooLong and keeps
// the bytes buffered.
//
// async
func (c *Conn) ReadUntil(delim byte) ([]byte, error) {
	scanned := 0
	for {
		if i := bytes.IndexByte(c.buf[c.off+scanned:], delim); i >= 0 {
			return c.take(scanned + i + 1), nil
		}
		scanned = len(c.buf) - c.off
		if scanned >= c.limit {
			return nil, ErrTooLong
		}
		if err := c.fill(); err != nil {
			if err == io.EOF && scanned > 0 {
				return c.take(scanned), io.ErrUnexpectedEOF
			}
			return nil, err
		}
	}
}

// ReadUntilString is ReadUntil with a delimiter of several bytes
// (asyncio's readuntil(separator)), such as the "\r\n\r\n" that ends an
// HTTP header block; otherwise as ReadUntil.
//
// async
func (c *Conn) ReadUntilString(delim string) ([]byte, error) {
	scanned := 0
	for {
		if i := bytes.Index(c.buf[c.off+scanned:], []byte(delim)); i >= 0 {
			return c.take(scanned + i + len(delim)), nil
		}
		n := len(c.buf) - c.off
		if n >= c.limit {
			return nil, ErrTooLong
		}
		scanned = max(0, n-len(delim)+1)
		if err := c.fill(); err != nil {
			if err == io.EOF && n > 0 {
				return c.take(n), io.ErrUnexpectedEOF
			}
			return nil, err
		}
	}
}

// ReadUntilFunc reads up to the end of a unit that end finds, for
// delimiters a byte or a string cannot say (an HTTP header block may end
// in CRLF CRLF or in bare LFs). end is called with the unread buffered
// bytes and how many of them an earlier call already saw; it returns the
// length of the unit (at most len(buf)), or -1 when the unit does not end
// within buf. Otherwise as ReadUntil: ErrTooLong past the read limit,
// io.ErrUnexpectedEOF with what was read if the stream ends mid-unit.
//
// async
func (c *Conn) ReadUntilFunc(end func(buf []byte, scanned int) int) ([]byte, error) {
	scanned := 0
	for {
		if n := end(c.buf[c.off:], scanned); n >= 0 {
			return c.take(n), nil
		}
		scanned = len(c.buf) - c.off
		if scanned >= c.limit {
			return nil, ErrTooLong
		}
		if err := c.fill(); err != nil {
			if err == io.EOF && scanned > 0 {
				return c.take(scanned), io.ErrUnexpectedEOF
			}
			return nil, err
		}
	}
}

// BufferedUntilFunc reads the unit that end finds (as ReadUntilFunc) when the
// bytes read ahead already hold all of it, and reports false, reading
// nothing, when they do not. It never waits: a caller that often finds
// its unit buffered (the replies of a pipeline after the first) saves
// the coroutine of ReadUntilFunc.
func (c *Conn) BufferedUntilFunc(end func(buf []byte, scanned int) int) ([]byte, bool) {
	if c.off == len(c.buf) {
		return nil, false
	}
	n := end(c.buf[c.off:], 0)
	if n < 0 {
		return nil, false
	}
	return c.take(n), true
}

// ReadExactly reads exactly n bytes (asyncio's readexactly) and returns
// them in a new slice. If the stream ends first it returns what it read
// and io.ErrUnexpectedEOF (io.EOF if that was nothing).
//
// async
func (c *Conn) ReadExactly(n int) ([]byte, error) {
	for len(c.buf)-c.off < n {
		if err := c.fill(); err != nil {
			if err == io.EOF && len(c.buf) > c.off {
				return c.take(len(c.buf) - c.off), io.ErrUnexpectedEOF
			}
			return nil, err
		}
	}
	return c.take(n), nil
}

// fill reads more bytes into the read-ahead buffer, waiting until the
// socket has some. It reads into a scratch buffer shared through a
// sync.Pool and appends what came to the connection's own buffer, so a
// waiting connection holds no buffer and a buffered one holds about what
// it read: thousands of idle or waiting connections cost no 4 KiB each.
//
// async
func (c *Conn) fill() error {
	if c.off > 0 && c.off == len(c.buf) {
		c.buf, c.off = c.buf[:0], 0
	} else if c.off > 0 && c.off >= len(c.buf)/2 {
		c.buf = append(c.buf[:0], c.buf[c.off:]...)
		c.off = 0
	}
	if c.sec != nil {
		return c.fillFromTLS()
	}
	// When the last read took all the kernel had (a request read whole,
	// its response written since), wait at once: a read now would only
	// fail with EAGAIN.
	for skip := c.fd.Drained(); ; skip = false {
		if c.closed {
			return c.opErr("read", net.ErrClosed)
		}
		if !skip {
			s := scratch.Get().(*[]byte)
			n, err := unix.Read(c.sysfd, *s)
			if n > 0 {
				c.buf = append(c.buf, (*s)[:n]...)
			}
			short := n < len(*s)
			scratch.Put(s)
			switch err {
			case nil:
				if n == 0 {
					return io.EOF
				}
				c.fd.SetDrained(c.tcp && short)
				return nil
			case unix.EINTR:
				continue
			case unix.EAGAIN:
			default:
				return c.opErr("read", err)
			}
		}
		if err := c.fd.WaitRead(c.rdl); err != nil {
			return c.opErr("read", err)
		}
	}
}

// scratch holds the buffers fill reads into.
var scratch = sync.Pool{New: func() any {
	b := make([]byte, 16<<10)
	return &b
}}

// take returns the next n buffered bytes in a slice of their own. When
// they are the whole buffer and fill it nearly to its capacity (a large
// reply read in several parts), the buffer itself is handed over rather
// than copied: the next read starts a new one.
func (c *Conn) take(n int) []byte {
	if c.off == 0 && n == len(c.buf) && n >= 1024 && cap(c.buf)-n <= n/4 {
		out := c.buf[:n:n]
		c.buf = nil
		return out
	}
	out := bytes.Clone(c.buf[c.off : c.off+n])
	c.consume(n)
	return out
}

func (c *Conn) consume(n int) {
	c.off += n
	if c.off == len(c.buf) {
		c.buf, c.off = c.buf[:0], 0
		if cap(c.buf) > 4096 {
			c.buf = nil // a burst's buffer is not kept while idle
		}
	}
}
