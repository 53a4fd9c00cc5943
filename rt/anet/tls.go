//go:build unix

package anet

import (
	"crypto/tls"
	"errors"
	"io"
	"net"
	"sync"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"golang.org/x/sys/unix"
)

// This file is TLS on the loop: crypto/tls runs over an in-memory
// net.Conn (tlsPipe) whose ciphertext the loop moves to and from the
// socket. See the package documentation's TLS section for the design.

// DefaultHandshakeTimeout bounds a TLS handshake unless
// SetHandshakeTimeout says otherwise (net/http's TLSHandshakeTimeout).
const DefaultHandshakeTimeout = 10 * time.Second

// ErrNotTLS is returned by Handshake on a connection that TLSClient or
// TLSServer did not wrap.
var ErrNotTLS = errors.New("anet: not a TLS connection")

// errHandshakeAbandoned ends a handshake whose task stopped waiting for it
// (it was cancelled, or the connection was closed).
var errHandshakeAbandoned = errors.New("anet: TLS handshake abandoned")

// tlsChunk is how much plaintext Write hands crypto/tls at a time before
// it sends the records made of it: the most ciphertext a writer queues.
const tlsChunk = 64 << 10

// tlsState is a Conn's TLS layer.
type tlsState struct {
	tc      *tls.Conn
	pipe    *tlsPipe
	timeout time.Duration // handshake timeout
	// Handshake progress, on the loop: running while its goroutine runs
	// it, done once it ended (hsErr is its failure).
	running, done bool
	hsErr         error
	hsDone        rt.Event // set when done
	notified      bool     // close_notify queued
}

// tlsPipe is the net.Conn crypto/tls reads ciphertext from and writes it
// to. in holds what the loop read from the socket and crypto/tls has not
// taken yet; out what crypto/tls wrote and the loop has not sent yet.
//
// After the handshake only the loop touches it, and Read returns
// errWouldBlock when in is empty: crypto/tls keeps a temporary net.Error
// from Read out of its sticky state, so the loop reads more and calls
// tls.Conn.Read again. Write always takes everything (crypto/tls makes a
// write error sticky). During the handshake, which runs on a goroutine of its own,
// Read calls fetch, which has the loop send out and read more, and waits.
type tlsPipe struct {
	mu        sync.Mutex
	in        []byte
	inOff     int
	inErr     error // the socket's end (io.EOF) once in is drained
	out       []byte
	fetch     func() error         // during the handshake: have the loop flush out and read into in
	pending   *rt.Remote[struct{}] // the fetch running on the loop, if any
	abandoned bool
	laddr     net.Addr
	raddr     net.Addr
}

// wouldBlock is the temporary error tlsPipe.Read returns when it has no
// ciphertext.
type wouldBlock struct{}

func (wouldBlock) Error() string   { return "anet: TLS read would block" }
func (wouldBlock) Timeout() bool   { return false }
func (wouldBlock) Temporary() bool { return true }

var errWouldBlock net.Error = wouldBlock{}

func (p *tlsPipe) Read(b []byte) (int, error) {
	p.mu.Lock()
	for p.inOff == len(p.in) {
		if p.inErr != nil {
			err := p.inErr
			p.mu.Unlock()
			return 0, err
		}
		if p.abandoned {
			p.mu.Unlock()
			return 0, errHandshakeAbandoned
		}
		fetch := p.fetch
		if fetch == nil {
			p.mu.Unlock()
			return 0, errWouldBlock
		}
		p.mu.Unlock()
		if err := fetch(); err != nil {
			return 0, err
		}
		p.mu.Lock()
	}
	n := copy(b, p.in[p.inOff:])
	p.inOff += n
	if p.inOff == len(p.in) {
		p.in, p.inOff = p.in[:0], 0
		if cap(p.in) > 4<<10 {
			p.in = nil // an idle connection keeps no burst's buffer
		}
	}
	p.mu.Unlock()
	return n, nil
}

func (p *tlsPipe) Write(b []byte) (int, error) {
	p.mu.Lock()
	p.out = append(p.out, b...)
	p.mu.Unlock()
	return len(b), nil
}

// buffered returns how much ciphertext waits to be sent, and how much to
// be decrypted.
func (p *tlsPipe) buffered() (out, in int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.out), len(p.in) - p.inOff
}

func (p *tlsPipe) Close() error                     { return nil }
func (p *tlsPipe) LocalAddr() net.Addr              { return p.laddr }
func (p *tlsPipe) RemoteAddr() net.Addr             { return p.raddr }
func (p *tlsPipe) SetDeadline(time.Time) error      { return nil }
func (p *tlsPipe) SetReadDeadline(time.Time) error  { return nil }
func (p *tlsPipe) SetWriteDeadline(time.Time) error { return nil }

// TLSClient makes c a TLS client connection with the configuration cfg
// (as tls.Client: cfg must set ServerName or InsecureSkipVerify) and
// returns it. From then on Read, Write and the ReadUntil family carry
// plaintext over TLS records; the handshake runs on the first of them, or
// on Handshake. Bytes c had read ahead are taken as the start of the
// server's TLS stream (the bytes after a proxy's CONNECT response).
func TLSClient(c *Conn, cfg *tls.Config) *Conn {
	c.startTLS(func(p *tlsPipe) *tls.Conn { return tls.Client(p, cfg) })
	return c
}

// TLSServer makes c a TLS server connection with the configuration cfg
// (as tls.Server: cfg must have a certificate) and returns it; otherwise
// as TLSClient.
func TLSServer(c *Conn, cfg *tls.Config) *Conn {
	c.startTLS(func(p *tlsPipe) *tls.Conn { return tls.Server(p, cfg) })
	return c
}

func (c *Conn) startTLS(mk func(*tlsPipe) *tls.Conn) {
	if c.sec != nil {
		panic("anet: connection already speaks TLS")
	}
	p := &tlsPipe{laddr: c.LocalAddr(), raddr: c.raddr}
	if c.off < len(c.buf) {
		p.in = append(p.in, c.buf[c.off:]...)
	}
	c.buf, c.off = nil, 0
	c.sec = &tlsState{tc: mk(p), pipe: p, timeout: DefaultHandshakeTimeout}
}

// IsTLS reports whether c speaks TLS (TLSClient or TLSServer wrapped it).
func (c *Conn) IsTLS() bool { return c.sec != nil }

// SetHandshakeTimeout sets how long the TLS handshake may take
// (DefaultHandshakeTimeout at first; zero or negative means no limit but
// the read deadline). A read deadline that comes sooner bounds it too.
func (c *Conn) SetHandshakeTimeout(d time.Duration) {
	if c.sec != nil {
		c.sec.timeout = d
	}
}

// ConnectionState returns the TLS state of the connection (the zero
// state before the handshake has completed or if c does not speak TLS).
func (c *Conn) ConnectionState() tls.ConnectionState {
	if c.sec == nil || !c.sec.done || c.sec.hsErr != nil {
		return tls.ConnectionState{}
	}
	return c.sec.tc.ConnectionState()
}

// TLS returns the crypto/tls connection under c, or nil if c does not
// speak TLS: for its ConnectionState, VerifyHostname or OCSPResponse. Do
// not Read, Write or Close it: those go through c.
func (c *Conn) TLS() *tls.Conn {
	if c.sec == nil {
		return nil
	}
	return c.sec.tc
}

// Handshake runs the TLS handshake unless it has already run, and returns
// its error (the same error each time once it failed). The first Read or
// Write runs it too. It runs crypto/tls's handshake on a goroutine of
// its own (at most MaxHandshakes at once per loop), while the task parks
// and the loop moves the records; the handshake fails with an error that
// wraps os.ErrDeadlineExceeded after the handshake timeout
// (SetHandshakeTimeout) or the read deadline, whichever is sooner. A
// second task that calls it while it runs waits for it. Cancelling the
// task abandons the handshake (its goroutine ends at once) and the
// connection can then only be closed. Called from ordinary code, it
// runs on the calling goroutine, which blocks in poll(2).
//
// async
func (c *Conn) Handshake() error {
	s := c.sec
	if s == nil {
		return ErrNotTLS
	}
	if s.done {
		return s.hsErr
	}
	if s.running {
		s.hsDone.Wait()
		return s.hsErr
	}
	if c.closed {
		return c.opErr("handshake", net.ErrClosed)
	}
	s.running = true
	dl := c.rdl
	if s.timeout > 0 {
		if t := rt.Now().Add(s.timeout); dl.IsZero() || t.Before(dl) {
			dl = t
		}
	}
	defer c.endHandshake()
	lp := rt.CurrentLoop()
	var err error
	if lp == nil { // ordinary code: this goroutine runs it, doing the I/O itself
		err = c.handshakeFunc(nil, dl)()
	} else {
		slots := handshakeSlots(*lp)
		acquired := false
		defer slots.leave(*lp, &acquired)
		slots.sem.Acquire()
		acquired = true
		done := rt.NewMailbox[error]()
		go c.handshakeOn(*lp, dl, done)
		err, _ = done.Recv()
	}
	if err == nil {
		err = c.flushTLS(dl)
	}
	s.hsErr = err
	s.done = true
	return err
}

// endHandshake ends a handshake on the loop: if it did not complete (its
// task was cancelled) the read it waits for is cancelled and its next
// one fails; tasks waiting for it wake.
func (c *Conn) endHandshake() {
	s := c.sec
	s.pipe.mu.Lock()
	s.pipe.fetch = nil
	pending := s.pipe.pending
	s.pipe.pending = nil
	if !s.done {
		s.pipe.abandoned = true
	}
	s.pipe.mu.Unlock()
	if !s.done && pending != nil {
		pending.Cancel() // the goroutine stops waiting for the peer now
	}
	if !s.done {
		s.done = true
		s.hsErr = errHandshakeAbandoned
	}
	s.running = false
	s.hsDone.Set()
}

// handshakeFunc returns the function the handshake's goroutine runs: crypto/tls's
// handshake, over a pipe whose reads have the loop lp flush and fill it
// (a task per read, submitted to lp; lp nil means the caller is ordinary
// code, which does that I/O itself).
func (c *Conn) handshakeFunc(lp *rt.Loop, dl time.Time) func() error {
	p := c.sec.pipe
	p.mu.Lock()
	if lp != nil {
		p.fetch = func() error {
			p.mu.Lock()
			if p.abandoned {
				p.mu.Unlock()
				return errHandshakeAbandoned
			}
			r := rt.Submit(lp, c.handshakeIOAsync(dl))
			p.pending = r
			p.mu.Unlock()
			_, err := r.Wait()
			return err
		}
	} else {
		p.fetch = func() error { return c.handshakeIO(dl) }
	}
	p.mu.Unlock()
	return c.sec.tc.Handshake
}

// handshakeOn runs the handshake on the goroutine it is started on, for a
// task of loop lp, and sends its result to done.
func (c *Conn) handshakeOn(lp rt.Loop, dl time.Time, done *rt.Mailbox[error]) {
	run := c.handshakeFunc(&lp, dl)
	done.Send(run())
	done.Close()
}

// MaxHandshakes bounds the TLS handshakes that run at once on one loop
// (each on a goroutine of its own while it runs); the handshakes past it
// wait, first come first served. Set it before the first handshake.
var MaxHandshakes = 256

// loopSlots is a loop's bound on running handshakes.
type loopSlots struct {
	sem   *rt.Semaphore
	users int // tasks holding or waiting for a slot; guarded by slotsMu
}

var (
	slotsMu sync.Mutex
	slots   = map[rt.Loop]*loopSlots{}
)

// handshakeSlots returns lp's bound, made on first use and dropped when
// no task holds or waits for a slot, so a loop that ends leaves nothing.
func handshakeSlots(lp rt.Loop) *loopSlots {
	slotsMu.Lock()
	defer slotsMu.Unlock()
	s := slots[lp]
	if s == nil {
		s = &loopSlots{sem: rt.NewSemaphore(max(1, MaxHandshakes))}
		slots[lp] = s
	}
	s.users++
	return s
}

// leave gives back the slot if acquired says it was taken.
func (s *loopSlots) leave(lp rt.Loop, acquired *bool) {
	if *acquired {
		s.sem.Release()
	}
	slotsMu.Lock()
	defer slotsMu.Unlock()
	if s.users--; s.users == 0 {
		delete(slots, lp)
	}
}

// handshakeIO runs on the loop for the handshake's goroutine: it sends the
// records written so far and reads more of the peer's.
//
// async
func (c *Conn) handshakeIO(dl time.Time) error {
	if c.sec.pipe.isAbandoned() {
		return errHandshakeAbandoned
	}
	if err := c.flushTLS(dl); err != nil {
		return err
	}
	return c.fillTLS(dl)
}

// flushTLS sends the ciphertext crypto/tls has written, waiting (until dl)
// while the socket's send buffer is full.
//
// async
func (c *Conn) flushTLS(dl time.Time) error {
	p := c.sec.pipe
	for {
		if c.closed {
			return c.opErr("write", net.ErrClosed)
		}
		left, err := p.send(c.sysfd)
		if left == 0 {
			return nil
		}
		switch err {
		case nil, unix.EINTR:
			continue
		case unix.EAGAIN:
		default:
			return c.opErr("write", err)
		}
		if err := c.fd.WaitWrite(dl); err != nil {
			return c.opErr("write", err)
		}
	}
}

// send writes out to fd until it is empty or the write fails (EAGAIN
// included), and returns how much is left.
func (p *tlsPipe) send(fd int) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for len(p.out) > 0 {
		m, err := unix.Write(fd, p.out)
		if m > 0 {
			p.out = p.out[:copy(p.out, p.out[m:])]
		}
		if err != nil && err != unix.EINTR {
			return len(p.out), err
		}
	}
	if cap(p.out) > 16<<10 {
		p.out = nil // nor a large write's
	}
	return 0, nil
}

// received appends ciphertext read from the socket, or notes its end.
func (p *tlsPipe) received(b []byte, end error) {
	p.mu.Lock()
	p.in = append(p.in, b...)
	if end != nil {
		p.inErr = end
	}
	p.mu.Unlock()
}

func (p *tlsPipe) isAbandoned() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.abandoned
}

func (p *tlsPipe) abandon() {
	p.mu.Lock()
	p.abandoned = true
	p.mu.Unlock()
}

// flushNow sends what of the queued ciphertext the socket takes without
// waiting (Close's close_notify).
func (c *Conn) flushNow() { c.sec.pipe.send(c.sysfd) }

// fillTLS reads ciphertext from the socket into the pipe, waiting (until
// dl) until there is some; at the end of the stream the pipe reports
// io.EOF to crypto/tls once it is drained.
//
// async
func (c *Conn) fillTLS(dl time.Time) error {
	p := c.sec.pipe
	for {
		if c.closed {
			return c.opErr("read", net.ErrClosed)
		}
		s := scratch.Get().(*[]byte)
		n, err := unix.Read(c.sysfd, *s)
		if n > 0 {
			p.received((*s)[:n], nil)
		}
		scratch.Put(s)
		switch err {
		case nil:
			if n == 0 {
				p.received(nil, io.EOF)
			}
			return nil
		case unix.EINTR:
			continue
		case unix.EAGAIN:
		default:
			return c.opErr("read", err)
		}
		if err := c.fd.WaitRead(dl); err != nil {
			return c.opErr("read", err)
		}
	}
}

// readTLS reads plaintext: what crypto/tls has decrypted, else the next
// records, waiting on the poller until they have arrived. A cancelled
// readTLS consumed nothing: ciphertext read so far stays in the pipe.
//
// async
func (c *Conn) readTLS(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	if err := c.Handshake(); err != nil {
		return 0, err
	}
	s := c.sec
	for {
		if c.closed {
			return 0, c.opErr("read", net.ErrClosed)
		}
		n, err := s.tc.Read(p)
		if n > 0 {
			return n, nil // an error with it (close_notify after the data) comes again on the next Read
		}
		if err != errWouldBlock {
			return 0, err
		}
		if out, _ := s.pipe.buffered(); out > 0 {
			// crypto/tls answered something (a KeyUpdate): send what the
			// socket takes now, without waiting (a writer task may be
			// waiting to write already); the rest goes out, in order,
			// with the next Write or Close.
			c.flushNow()
		}
		if err := c.fillTLS(c.rdl); err != nil {
			return 0, err
		}
	}
}

// writeTLS encrypts p and sends it, tlsChunk at a time, each chunk's
// records sent before the next is encrypted. c.written counts the bytes
// of p handed to crypto/tls: a cancelled write leaves their records
// queued, and they go out before the next write's.
//
// async
func (c *Conn) writeTLS(p []byte) (int, error) {
	c.written = 0
	if err := c.Handshake(); err != nil {
		return 0, err
	}
	s := c.sec
	if out, _ := s.pipe.buffered(); out > 0 {
		if err := c.flushTLS(c.wdl); err != nil {
			return 0, err
		}
	}
	n := 0
	for n < len(p) {
		if c.closed {
			return n, c.opErr("write", net.ErrClosed)
		}
		end := min(len(p), n+tlsChunk)
		m, err := s.tc.Write(p[n:end])
		n += m
		c.written = n
		if err != nil {
			return n, err
		}
		if err := c.flushTLS(c.wdl); err != nil {
			return n, err
		}
	}
	return n, nil
}

// closeTLS queues close_notify (after a completed handshake) and sends
// what the socket takes without waiting; Close then closes the socket.
func (c *Conn) closeTLS() {
	s := c.sec
	if !s.done {
		s.pipe.abandon()
		return
	}
	if s.hsErr == nil && !s.notified {
		s.notified = true
		s.tc.Close() // close_notify into the pipe; closing the pipe is a no-op
	}
	c.flushNow()
}

// closeWriteTLS sends close_notify: the peer reads end of stream.
func (c *Conn) closeWriteTLS() error {
	s := c.sec
	if !s.done || s.hsErr != nil {
		return c.opErr("close", errors.New("TLS handshake not complete"))
	}
	if !s.notified {
		s.notified = true
		if err := s.tc.CloseWrite(); err != nil {
			return err
		}
	}
	c.flushNow()
	return nil
}

// readableTLS is Readable's answer for what the TLS layer holds.
func (c *Conn) readableTLS() bool {
	_, in := c.sec.pipe.buffered()
	return in > 0
}

// fillFromTLS is fill for a TLS stream: it appends the next plaintext to
// the read-ahead buffer.
//
// async
func (c *Conn) fillFromTLS() error {
	s := scratch.Get().(*[]byte)
	n, err := c.readTLS(*s)
	if n > 0 {
		c.buf = append(c.buf, (*s)[:n]...)
	}
	scratch.Put(s)
	return err
}
