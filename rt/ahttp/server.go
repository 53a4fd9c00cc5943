//go:build unix

package ahttp

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httputil"
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

	// ErrorLog receives handler panics; nil means the log package's
	// standard logger.
	ErrorLog *log.Logger

	listeners map[*anet.Listener]struct{}
	conns     map[*anet.Conn]bool // true while a request is in flight (group.go)
	closed    bool
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

// Serve accepts connections on ln and serves each on a task of its own,
// until ln or the server is closed. After Close it returns
// http.ErrServerClosed. When the process runs out of file descriptors it
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
		s.conns = map[*anet.Conn]bool{}
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
			rt.Sleep(pause)
			pause = min(2*pause, time.Second)
			continue
		}
		if err != nil {
			return err
		}
		pause = 5 * time.Millisecond
		s.conns[c] = false
		rt.Spawn(s.serveConnAsync(c), rt.Name("ahttp conn "+c.RemoteAddr().String()))
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
func (s *Server) serveConn(c *anet.Conn) {
	defer func() {
		delete(s.conns, c)
		c.Close()
	}()
	first := true
	for {
		if !s.serveOne(c, first) || s.closed {
			return
		}
		s.conns[c] = false // idle until the next request's header
		first = false
	}
}

// serveOne reads one request, calls the handler and writes the response.
// It reports whether the connection may carry another request.
//
// async
func (s *Server) serveOne(c *anet.Conn, first bool) bool {
	wait := s.IdleTimeout
	if first || wait == 0 {
		wait = s.ReadTimeout
	}
	c.SetReadDeadline(deadline(rt.Now(), wait))
	block, err := readHeader(c, s.maxHeaderBytes())
	if err == ErrHeaderTooLarge {
		s.reject(c, http.StatusRequestHeaderFieldsTooLarge)
		return false
	}
	if err != nil {
		return false // end of stream, timeout, closed
	}
	s.conns[c] = true // a request in flight: Shutdown lets it finish
	start := rt.Now()
	c.SetReadDeadline(deadline(start, s.ReadTimeout))
	c.SetWriteDeadline(deadline(start, s.WriteTimeout))
	req, err := parseRequest(block)
	if err != nil {
		s.reject(c, http.StatusBadRequest)
		return false
	}
	req.RemoteAddr = c.RemoteAddr().String()
	mode, n := bodyFraming(req.TransferEncoding, req.ContentLength)
	if mode == bodyToEOF {
		mode, n = bodyFixed, 0 // a request without a length has no body
	}
	limit := s.maxBodyBytes()
	if mode == bodyFixed && n > limit {
		s.reject(c, http.StatusRequestEntityTooLarge)
		return false
	}
	if (mode == bodyChunked || n > 0) && strings.EqualFold(req.Header.Get("Expect"), "100-continue") {
		if _, err := c.Write([]byte("HTTP/1.1 100 Continue\r\n\r\n")); err != nil {
			return false
		}
	}
	body := newBody(c, mode, n, nil)
	body.limit = limit
	data, err := body.ReadAll()
	if err == ErrBodyTooLarge {
		s.reject(c, http.StatusRequestEntityTooLarge)
		return false
	}
	if errors.Is(err, errBadChunk) {
		s.reject(c, http.StatusBadRequest)
		return false
	}
	if err != nil {
		return false
	}
	req.Body = http.NoBody
	if len(data) > 0 {
		req.Body = io.NopCloser(bytes.NewReader(data))
	}
	w := &ResponseWriter{c: c, req: req, header: http.Header{}}
	herr := s.callHandler(w, req)
	if herr != nil {
		if w.sent {
			return false // the peer sees a truncated response
		}
		w.header = http.Header{}
		w.status = 0
		w.buf.Reset()
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		w.closeAfter = true
	}
	keep := !req.Close && !w.closeAfter && !s.closed
	if err := w.finish(keep); err != nil {
		return false
	}
	return keep && !w.closeAfter
}

// callHandler awaits the handler, turning a panic into an error.
//
// async
func (s *Server) callHandler(w *ResponseWriter, req *http.Request) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("ahttp: handler panic: %v", p)
			logf := log.Printf
			if s.ErrorLog != nil {
				logf = s.ErrorLog.Printf
			}
			logf("ahttp: panic serving %s %s for %s: %v", req.Method, req.URL, req.RemoteAddr, p)
		}
	}()
	if s.Handler == nil {
		http.NotFound(w, req)
		return nil
	}
	_, herr := rt.Await(s.Handler.ServeHTTPAsync(w, req))
	return herr
}

// reject answers a request the server will not read (431, 413, 400) and
// closes the connection gently: it stops writing, then reads and drops
// what the peer still sends for a moment, so that the peer reads the
// answer instead of a reset.
//
// async
func (s *Server) reject(c *anet.Conn, code int) {
	text := http.StatusText(code)
	msg := "HTTP/1.1 " + strconv.Itoa(code) + " " + text + "\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\nContent-Length: " +
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

// ResponseWriter is what a handler writes its response to. It implements
// http.ResponseWriter, so fmt.Fprintf, http.Error, json.NewEncoder and
// friends work with it; those writes never wait: they are buffered, and
// the server sends the response when the handler returns, with a
// Content-Length. A handler that streams calls Flush (async), which sends
// the header and what is buffered; the rest of the body then goes out in
// chunks (or, with a Content-Length header set by the handler, as is).
type ResponseWriter struct {
	c          *anet.Conn
	req        *http.Request
	header     http.Header
	status     int
	buf        bytes.Buffer
	sent       bool // the header went out (Flush)
	chunked    bool
	closeAfter bool
	dropped    int // body bytes written where no body is allowed
}

// Header returns the response header, to change before the header is
// sent.
func (w *ResponseWriter) Header() http.Header { return w.header }

// WriteHeader sets the status code; the first call wins.
func (w *ResponseWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
}

// Write appends p to the body. It never waits and never fails (but a
// response to HEAD, or with a status that has no body, drops it).
func (w *ResponseWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	if w.bodyAllowed() {
		w.buf.Write(p)
	} else {
		w.dropped += len(p) // a response to HEAD tells the length it would have had
	}
	return len(p), nil
}

func (w *ResponseWriter) bodyAllowed() bool {
	return w.req.Method != http.MethodHead && (w.status < 100 || w.status >= 200) &&
		w.status != http.StatusNoContent && w.status != http.StatusNotModified
}

// Flush sends the header, if it has not gone out yet, and the buffered
// body. Without a Content-Length header set by the handler, the body is
// then sent in chunks (to an HTTP/1.0 client: until the connection
// closes).
//
// async
func (w *ResponseWriter) Flush() error {
	var out bytes.Buffer
	if !w.sent {
		if w.status == 0 {
			w.status = http.StatusOK
		}
		if w.bodyAllowed() && w.header.Get("Content-Length") == "" {
			if w.req.ProtoAtLeast(1, 1) {
				w.chunked = true
				w.header.Set("Transfer-Encoding", "chunked")
			} else {
				w.closeAfter = true
				w.header.Set("Connection", "close")
			}
		}
		w.writeHeader(&out)
		w.sent = true
	}
	w.writeBuffered(&out)
	_, err := w.c.Write(out.Bytes())
	return err
}

// writeBuffered moves the buffered body to out, as a chunk if chunked.
func (w *ResponseWriter) writeBuffered(out *bytes.Buffer) {
	if w.buf.Len() == 0 {
		return
	}
	if w.chunked {
		httputil.NewChunkedWriter(out).Write(w.buf.Bytes())
	} else {
		out.Write(w.buf.Bytes())
	}
	w.buf.Reset()
}

// writeHeader writes the status line and the header block.
func (w *ResponseWriter) writeHeader(out *bytes.Buffer) {
	h := w.header
	if _, ok := h["Date"]; !ok {
		h.Set("Date", time.Now().UTC().Format(http.TimeFormat))
	}
	if _, ok := h["Content-Type"]; !ok && w.buf.Len() > 0 {
		h.Set("Content-Type", http.DetectContentType(w.buf.Bytes()))
	}
	out.WriteString("HTTP/1.1 ")
	out.WriteString(strconv.Itoa(w.status))
	out.WriteByte(' ')
	out.WriteString(http.StatusText(w.status))
	out.WriteString("\r\n")
	h.Write(out)
	out.WriteString("\r\n")
}

// finish sends what is left of the response once the handler returned.
//
// async
func (w *ResponseWriter) finish(keep bool) error {
	var out bytes.Buffer
	if w.sent {
		w.writeBuffered(&out)
		if w.chunked {
			httputil.NewChunkedWriter(&out).Close() // the last chunk
			out.WriteString("\r\n")                 // and no trailer
		}
	} else {
		if w.status == 0 {
			w.status = http.StatusOK
		}
		if !keep {
			w.header.Set("Connection", "close")
		} else if !w.req.ProtoAtLeast(1, 1) {
			w.header.Set("Connection", "keep-alive") // an HTTP/1.0 client that asked for it
		}
		switch {
		case w.bodyAllowed():
			w.header.Set("Content-Length", strconv.Itoa(w.buf.Len()))
		case w.req.Method != http.MethodHead:
			w.header.Del("Content-Length")
		case w.header.Get("Content-Length") == "" && w.dropped > 0:
			w.header.Set("Content-Length", strconv.Itoa(w.dropped))
		}
		w.writeHeader(&out)
		w.sent = true
		w.writeBuffered(&out)
	}
	if out.Len() == 0 {
		return nil
	}
	_, err := w.c.Write(out.Bytes())
	return err
}
