//go:build unix

package ahttp

import (
	"bytes"
	"crypto/tls"
	"errors"
	"fmt"
	"golang.org/x/net/http/httpguts"
	"io"
	"log"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/anet"
)

// Handler answers HTTP requests. Its method is the companion of an async
// ServeHTTP, so a type becomes a Handler by declaring that method async:
//
//	type greeter struct{ greeting string }
//
//	// async
//	func (g *greeter) ServeHTTP(w *ahttp.ResponseWriter, r *http.Request) {
//		rt.Sleep(time.Millisecond) // any await
//		fmt.Fprintf(w, "%s, %s\n", g.greeting, r.URL.Query().Get("name"))
//	}
//
// asyncgen generates ServeHTTPAsync, which is what the server awaits, on
// the connection's task. ServeHTTP may also return an error: the server
// then answers 500 Internal Server Error if nothing was sent yet, and
// closes the connection otherwise. A panic in a handler is recovered,
// logged, and treated as an error.
type Handler interface {
	ServeHTTPAsync(w *ResponseWriter, r *http.Request) rt.Awaitable[struct{}]
}

// HandlerFunc makes the companion of an async function a Handler:
//
//	// async
//	func hello(w *ahttp.ResponseWriter, r *http.Request) { ... }
//
//	srv := &ahttp.Server{Handler: ahttp.HandlerFunc(helloAsync)}
type HandlerFunc func(w *ResponseWriter, r *http.Request) rt.Awaitable[struct{}]

// ServeHTTPAsync calls f(w, r).
func (f HandlerFunc) ServeHTTPAsync(w *ResponseWriter, r *http.Request) rt.Awaitable[struct{}] {
	return f(w, r)
}

// Defaults of the Server's limits.
const (
	DefaultMaxHeaderBytes = 1 << 20  // as net/http
	DefaultMaxBodyBytes   = 10 << 20 // a request body is read into memory
)

// Server is an HTTP/1.1 server on the loop: one task per connection, no
// goroutine. Set its fields before Serve; use a Server from one loop.
type Server struct {
	// Handler answers the requests; nil answers 404 to everything.
	Handler Handler

	// ReadTimeout bounds reading a request: the header of a connection's
	// first request, and each request's body from the end of its header.
	// Zero means no limit.
	ReadTimeout time.Duration
	// WriteTimeout bounds writing a response, from the end of the
	// request's header (so it covers the handler's flushes). Zero means
	// no limit.
	WriteTimeout time.Duration
	// IdleTimeout bounds the wait for the next request on a kept-alive
	// connection; ReadTimeout is used when it is zero.
	IdleTimeout time.Duration

	// MaxHeaderBytes limits a request's header block (request line
	// included): past it the server answers 431 Request Header Fields
	// Too Large and closes the connection. Zero means
	// DefaultMaxHeaderBytes.
	MaxHeaderBytes int
	// MaxBodyBytes limits a request's body, which the server reads into
	// memory before calling the handler: past it the server answers 413
	// Content Too Large and closes the connection. Zero means
	// DefaultMaxBodyBytes.
	MaxBodyBytes int64

	// ErrorLog receives handler panics (with their stack) and the
	// Accept errors the server retries (out of file descriptors); nil
	// means the log package's standard logger.
	ErrorLog *log.Logger

	// TLSConfig, if not nil, makes Serve speak TLS (https) on every
	// connection, as net/http's ServeTLS does: it must hold a
	// certificate (Certificates, GetCertificate or GetConfigForClient),
	// unless ServeTLS or ListenAndServeTLS is given the files of one.
	// NextProtos, if nil, is "http/1.1" (ahttp has no HTTP/2). The
	// handshake runs on the connection's task, within ReadTimeout, or
	// anet.DefaultHandshakeTimeout when that is zero; a failed one is
	// logged ("http: TLS handshake error from ...", as net/http logs it)
	// and closes the connection. Each request's TLS field is set.
	TLSConfig *tls.Config

	tls       *tls.Config // what Serve speaks, if TLS
	dateSec   int64       // the second dateText says (date)
	dateText  []byte
	listeners map[*anet.Listener]struct{}
	conns     map[*anet.Conn]*serverConn // busy while a request is in flight (group.go)
	closed    bool
	drained   *rt.Event // set when the last connection ends, for Shutdown (group.go)
}

// ListenAndServe listens on the TCP address addr and serves (see Serve).
//
// async
func (s *Server) ListenAndServe(addr string) error {
	ln, err := anet.Listen("tcp", addr)
	if err != nil {
		return err
	}
	return s.Serve(ln)
}

// ListenAndServeTLS listens on the TCP address addr and serves https
// (see ServeTLS).
//
// async
func (s *Server) ListenAndServeTLS(addr, certFile, keyFile string) error {
	ln, err := anet.Listen("tcp", addr)
	if err != nil {
		return err
	}
	return s.ServeTLS(ln, certFile, keyFile)
}

// ServeTLS serves https on ln, as net/http's Server.ServeTLS: the
// certificate and its key are read from certFile and keyFile (PEM; the
// certificate file may hold the chain after the leaf) and added to a
// copy of TLSConfig, unless both are empty and TLSConfig holds a
// certificate. Otherwise as Serve.
//
// async
func (s *Server) ServeTLS(ln *anet.Listener, certFile, keyFile string) error {
	cfg := s.serverTLS()
	if certFile != "" || keyFile != "" {
		cert, err := tls.LoadX509KeyPair(certFile, keyFile)
		if err != nil {
			ln.Close()
			return err
		}
		cfg.Certificates = append(cfg.Certificates, cert)
	}
	if len(cfg.Certificates) == 0 && cfg.GetCertificate == nil && cfg.GetConfigForClient == nil {
		ln.Close()
		return errors.New("ahttp: ServeTLS needs a certificate (certFile and keyFile, or TLSConfig)")
	}
	s.tls = cfg
	return s.Serve(ln)
}

// serverTLS is a copy of TLSConfig (or a new one) with the NextProtos
// ahttp speaks.
func (s *Server) serverTLS() *tls.Config {
	cfg := new(tls.Config)
	if s.TLSConfig != nil {
		cfg = s.TLSConfig.Clone()
	}
	if cfg.NextProtos == nil {
		cfg.NextProtos = []string{"http/1.1"}
	}
	return cfg
}

// A spawned Serve that Close stops ends cleanly: its http.ErrServerClosed
// is not reported as a failure nobody awaited when the run ends.
func init() { rt.RegisterCleanEnd(http.ErrServerClosed) }

// Serve accepts connections on ln and serves each on a task of its own,
// until ln or the server is closed. After Close it returns
// http.ErrServerClosed (a task that ends with it ends quietly: see
// rt.RegisterCleanEnd). When the process runs out of file descriptors it
// waits a little and accepts again, as net/http does.
//
// async
func (s *Server) Serve(ln *anet.Listener) error {
	if s.closed {
		ln.Close()
		return http.ErrServerClosed
	}
	if s.listeners == nil {
		s.listeners = map[*anet.Listener]struct{}{}
		s.conns = map[*anet.Conn]*serverConn{}
	}
	if s.tls == nil && s.TLSConfig != nil {
		s.tls = s.serverTLS()
	}
	s.listeners[ln] = struct{}{}
	defer delete(s.listeners, ln)
	pause := 5 * time.Millisecond
	for {
		c, err := ln.Accept()
		if s.closed {
			if c != nil {
				c.Close()
			}
			return http.ErrServerClosed
		}
		if errors.Is(err, syscall.EMFILE) || errors.Is(err, syscall.ENFILE) {
			s.logf("ahttp: Accept error: %v; retrying in %v", err, pause)
			rt.Sleep(pause)
			pause = min(2*pause, time.Second)
			continue
		}
		if err != nil {
			return err
		}
		pause = 5 * time.Millisecond
		sc := &serverConn{srv: s, c: c, raddr: c.RemoteAddr().String()}
		s.conns[c] = sc
		rt.Spawn(s.serveConnAsync(sc), rt.Name("ahttp conn "+sc.raddr))
	}
}

// Close closes the server's listeners and connections at once: Serve
// returns http.ErrServerClosed, and the connections' tasks end (a handler
// that was waiting on its connection fails). Call it from the loop's
// tasks. Close never waits.
func (s *Server) Close() error {
	s.closed = true
	for ln := range s.listeners {
		ln.Close()
	}
	for c := range s.conns {
		c.Close()
	}
	return nil
}

func (s *Server) maxHeaderBytes() int {
	if s.MaxHeaderBytes > 0 {
		return s.MaxHeaderBytes
	}
	return DefaultMaxHeaderBytes
}

func (s *Server) maxBodyBytes() int64 {
	if s.MaxBodyBytes > 0 {
		return s.MaxBodyBytes
	}
	return DefaultMaxBodyBytes
}

// deadline is now+d, or no deadline when d is zero.
func deadline(now time.Time, d time.Duration) time.Time {
	if d <= 0 {
		return time.Time{}
	}
	return now.Add(d)
}

// serveConn serves the requests of one connection, one after another,
// while it is kept alive.
//
// async
func (s *Server) serveConn(sc *serverConn) {
	c := sc.c
	defer func() {
		delete(s.conns, c)
		c.Close()
		if len(s.conns) == 0 && s.drained != nil {
			s.drained.Set() // Shutdown waits for it
		}
	}()
	if s.tls != nil {
		anet.TLSServer(c, s.tls)
		if s.ReadTimeout > 0 {
			c.SetHandshakeTimeout(s.ReadTimeout)
		}
		if err := c.Handshake(); err != nil {
			reason := err.Error()
			if re, ok := err.(tls.RecordHeaderError); ok && re.Conn != nil && looksLikeHTTP(re.RecordHeader) {
				// Queued on the TLS layer's raw side; Close sends it.
				io.WriteString(re.Conn, "HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n")
				reason = "client sent an HTTP request to an HTTPS server"
			}
			if !s.closed {
				s.logf("http: TLS handshake error from %s: %v", c.RemoteAddr(), reason)
			}
			return
		}
	}
	sc.task = rt.CurrentTask()
	sc.hsEnd = sc.hs.end
	for skip := -1; ; {
		if skip = s.serveOne(sc, skip); skip < 0 || s.closed {
			return
		}
		sc.busy = false // idle until the next request's header
	}
}

// serverConn is what a connection's task keeps from one request to the
// next, so that a kept-alive request allocates none of it again.
type serverConn struct {
	srv   *Server
	c     *anet.Conn
	task  *rt.Coro
	busy  bool   // a request is in flight: Shutdown lets it finish
	raddr string // the peer's address, each request's RemoteAddr
	hs    headerScan
	hsEnd func([]byte, int) int // hs.end
	// out is where a response's header and body are put together for
	// one write; body is the storage of the next ResponseWriter's body
	// buffer, taken back when its response was sent. Neither is kept
	// past keptBuffer bytes.
	out, body bytes.Buffer
	header    http.Header // the next ResponseWriter's, emptied
}

// keptBuffer bounds the buffers a connection keeps between requests.
const keptBuffer = 16 << 10

// takeBody hands the body storage to a new ResponseWriter.
func (sc *serverConn) takeBody() bytes.Buffer {
	b := sc.body
	sc.body = bytes.Buffer{}
	return b
}

// keepBody takes a sent response's body storage back.
func (sc *serverConn) keepBody(b *bytes.Buffer) {
	if b.Cap() <= keptBuffer {
		b.Reset()
		sc.body = *b
	}
	*b = bytes.Buffer{} // a write after the handler returned goes nowhere
}

// takeHeader hands the header map of the last response, emptied, to a
// new ResponseWriter.
func (sc *serverConn) takeHeader() http.Header {
	h := sc.header
	sc.header = nil
	if h == nil {
		h = http.Header{}
	}
	return h
}

// keepHeader takes a sent response's header map back, unless it grew
// large, and leaves w none.
func (sc *serverConn) keepHeader(w *ResponseWriter) {
	if h := w.header; len(h) <= 16 {
		clear(h)
		sc.header = h
	}
	w.header = nil
}

// outBuffer returns the connection's output buffer, empty.
func (sc *serverConn) outBuffer() *bytes.Buffer {
	if sc.out.Cap() > keptBuffer {
		sc.out = bytes.Buffer{}
	}
	sc.out.Reset()
	return &sc.out
}

// looksLikeHTTP reports whether the first bytes of a would-be TLS record
// are those of a plain HTTP request (net/http's test).
func looksLikeHTTP(hdr [5]byte) bool {
	switch string(hdr[:]) {
	case "GET /", "HEAD ", "POST ", "PUT /", "OPTIO":
		return true
	}
	return false
}

// serveOne reads one request, calls the handler and writes the response.
// skip is -1 for a connection's first request, else how many CR or LF
// bytes may come before the request line. It returns the skip of the next
// request, or -1 when the connection is not to carry another: after a
// POST, up to 4, as net/http allows old clients that end a POST body with
// an extra CRLF; else 0.
//
// async
func (s *Server) serveOne(sc *serverConn, skip int) int {
	c := sc.c
	wait := s.IdleTimeout
	if skip < 0 || wait == 0 {
		wait = s.ReadTimeout
	}
	var dl time.Time // no clock read (an await) without a timeout
	if wait > 0 {
		dl = rt.Now().Add(wait)
	}
	c.SetReadDeadline(dl)
	sc.hs.start(c, s.maxHeaderBytes(), max(0, skip))
	raw, err := c.ReadUntilFunc(sc.hsEnd)
	block, err := sc.hs.result(raw, err)
	if err == ErrHeaderTooLarge {
		s.reject(c, http.StatusRequestHeaderFieldsTooLarge, "")
		return -1
	}
	if bad, ok := err.(*badHeader); ok {
		s.reject(c, http.StatusBadRequest, bad.reason)
		return -1
	}
	if err != nil {
		return -1 // end of stream, timeout, closed
	}
	sc.busy = true
	if s.ReadTimeout > 0 || s.WriteTimeout > 0 {
		start := rt.Now()
		c.SetReadDeadline(deadline(start, s.ReadTimeout))
		c.SetWriteDeadline(deadline(start, s.WriteTimeout))
	} else {
		c.SetDeadline(time.Time{})
	}
	req, code, reason := readRequest(block)
	if code != 0 {
		s.reject(c, code, reason)
		return -1
	}
	next := 0
	if req.Method == http.MethodPost {
		next = 4
	}
	req.RemoteAddr = sc.raddr
	if c.IsTLS() {
		st := c.ConnectionState()
		req.TLS = &st
	}
	mode, n := bodyFraming(req.TransferEncoding, req.ContentLength)
	if mode == bodyToEOF {
		mode, n = bodyFixed, 0 // a request without a length has no body
	}
	limit := s.maxBodyBytes()
	if mode == bodyFixed && n > limit {
		s.reject(c, http.StatusRequestEntityTooLarge, "")
		return -1
	}
	if expect := req.Header.Get("Expect"); expect != "" {
		if !httpguts.HeaderValuesContainsToken(req.Header["Expect"], "100-continue") {
			s.reject(c, http.StatusExpectationFailed, "")
			return -1
		}
		if req.ProtoAtLeast(1, 1) && (mode == bodyChunked || n > 0) {
			if _, err := c.Write([]byte("HTTP/1.1 100 Continue\r\n\r\n")); err != nil {
				return -1
			}
		}
	}
	req.Body = http.NoBody
	if mode != bodyFixed || n > 0 {
		body := newBody(c, mode, n, nil)
		body.limit = limit
		data, err := body.ReadAll()
		if err == ErrBodyTooLarge {
			s.reject(c, http.StatusRequestEntityTooLarge, "")
			return -1
		}
		if errors.Is(err, errBadChunk) {
			s.reject(c, http.StatusBadRequest, "malformed chunked encoding")
			return -1
		}
		if err != nil {
			return -1
		}
		if len(data) > 0 {
			req.Body = io.NopCloser(bytes.NewReader(data))
		}
	}
	w := &ResponseWriter{c: c, sc: sc, req: req, header: sc.takeHeader(), declared: -1, buf: sc.takeBody()}
	herr := s.callHandler(w, req, sc.task)
	if errors.Is(herr, http.ErrAbortHandler) {
		return -1 // as net/http: the response is abandoned, the connection closed
	}
	if herr != nil {
		if w.sent {
			return -1 // the peer sees a truncated response
		}
		w.reset()
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		w.closeAfter = true
	}
	keep := !req.Close && !w.closeAfter && !s.closed
	if out := w.finish(keep); out.Len() > 0 {
		_, err = c.Write(out.Bytes())
	}
	sc.keepBody(&w.buf)
	sc.keepHeader(w)
	if err != nil {
		return -1
	}
	if !keep || w.closeAfter {
		return -1
	}
	return next
}

// readRequest parses a request's header block and checks what net/http's
// server checks beyond the parser (issue 11): it returns the request, or
// the status code and reason of the answer that rejects it.
func readRequest(block []byte) (*http.Request, int, string) {
	req, err := parseRequest(block)
	if err != nil {
		msg := err.Error()
		if strings.Contains(msg, "transfer encoding") { // net/http's unsupportedTEError
			return nil, http.StatusNotImplemented, "unsupported transfer encoding"
		}
		return nil, http.StatusBadRequest, parseReason(msg)
	}
	if req.ProtoMajor != 1 {
		return nil, http.StatusHTTPVersionNotSupported, "unsupported protocol version"
	}
	// http.ReadRequest rejects two Host fields and drops the one it
	// takes from the header (req.Host is the URL's host in absolute form).
	field, haveHost := fieldValue(block, "host")
	host := req.Host
	if req.URL.Host != "" {
		host = string(field)
	}
	switch {
	case req.ProtoAtLeast(1, 1) && !haveHost && req.Method != http.MethodConnect:
		return nil, http.StatusBadRequest, "missing required Host header"
	case haveHost && !httpguts.ValidHostHeader(host):
		return nil, http.StatusBadRequest, "malformed Host header"
	}
	for k, vv := range req.Header {
		if !httpguts.ValidHeaderFieldName(k) {
			return nil, http.StatusBadRequest, "invalid header name"
		}
		for _, v := range vv {
			if !httpguts.ValidHeaderFieldValue(v) {
				return nil, http.StatusBadRequest, "invalid header value"
			}
		}
	}
	// Stricter than net/http, which lets Transfer-Encoding win over a
	// Content-Length and ignores it in HTTP/1.0: either message may be
	// framed otherwise by a front end (RFC 9112 6.1 and 6.3).
	if _, ok := fieldValue(block, "transfer-encoding"); ok {
		if !req.ProtoAtLeast(1, 1) {
			return nil, http.StatusBadRequest, "Transfer-Encoding in an HTTP/1.0 request"
		}
		if _, ok := fieldValue(block, "content-length"); ok {
			return nil, http.StatusBadRequest, "both Transfer-Encoding and Content-Length"
		}
	}
	return req, 0, ""
}

// fieldValue returns the value of the header block's first field of this
// name (lower case, matched in any case), trimmed, and whether there is
// one; the value is a part of block.
func fieldValue(block []byte, name string) ([]byte, bool) {
	for len(block) > 0 {
		line := block
		if i := bytes.IndexByte(block, '\n'); i >= 0 {
			line, block = block[:i], block[i+1:]
		} else {
			block = nil
		}
		if len(line) > len(name) && line[len(name)] == ':' && strings.EqualFold(string(line[:len(name)]), name) {
			return bytes.Trim(line[len(name)+1:], " \t\r"), true
		}
	}
	return nil, false
}

// parseReason is the reason given for a header block http.ReadRequest
// rejects: its error without the quoted request bytes it may hold (not
// echoed back, as net/http does not), in printable ASCII.
func parseReason(msg string) string {
	msg = strings.TrimPrefix(msg, "http: ")
	if i := strings.IndexAny(msg, "\";"); i >= 0 {
		msg = msg[:i]
	}
	msg = strings.Map(func(r rune) rune {
		if r < ' ' || r > '~' {
			return -1
		}
		return r
	}, msg)
	return strings.TrimRight(msg, " :")
}

// callHandler awaits the handler, turning a panic into an error; the
// panic is logged with its stack, as net/http does, unless it is
// http.ErrAbortHandler (the handler's way to abort the response: the
// connection is closed without one).
//
// async
func (s *Server) callHandler(w *ResponseWriter, req *http.Request, task *rt.Coro) (err error) {
	defer func() {
		stack := task.PanicStack()
		if p := recover(); p != nil {
			if perr, ok := p.(error); ok {
				err = fmt.Errorf("ahttp: handler panic: %w", perr)
			} else {
				err = fmt.Errorf("ahttp: handler panic: %v", p)
			}
			if p != http.ErrAbortHandler {
				s.logf("ahttp: panic serving %s: %v\n%s", req.RemoteAddr, p, stack)
			}
		}
	}()
	if s.Handler == nil {
		http.NotFound(w, req)
		return nil
	}
	_, herr := rt.Await(s.Handler.ServeHTTPAsync(w, req))
	return herr
}

func (s *Server) logf(format string, args ...any) {
	if s.ErrorLog != nil {
		s.ErrorLog.Printf(format, args...)
	} else {
		log.Printf(format, args...)
	}
}

// reject answers a request the server will not serve (431, 413, 400,
// 417, 501, 505), with the reason in the body as net/http gives it
// ("400 Bad Request: missing required Host header"), and closes the
// connection gently: it stops writing, then reads and drops what the
// peer still sends for a moment, so that the peer reads the answer
// instead of a reset.
//
// async
func (s *Server) reject(c *anet.Conn, code int, reason string) {
	text := strconv.Itoa(code) + " " + http.StatusText(code)
	if reason != "" {
		text += ": " + reason
	}
	msg := "HTTP/1.1 " + strconv.Itoa(code) + " " + http.StatusText(code) +
		"\r\nContent-Type: text/plain; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\nContent-Length: " +
		strconv.Itoa(len(text)+1) + "\r\n\r\n" + text + "\n"
	c.SetWriteDeadline(deadline(rt.Now(), time.Second))
	if _, err := c.Write([]byte(msg)); err != nil {
		return
	}
	c.CloseWrite()
	c.SetReadDeadline(deadline(rt.Now(), 500*time.Millisecond))
	buf := make([]byte, 4096)
	for total := 0; total < 1<<20; {
		n, err := c.Read(buf)
		if err != nil {
			return
		}
		total += n
	}
}
