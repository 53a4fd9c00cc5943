//go:build unix

package ahttp

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/anet"
)

// Defaults of the Client.
const (
	DefaultMaxIdleConnsPerHost = 16
	DefaultIdleConnTimeout     = 90 * time.Second
)

// Client is an HTTP/1.1 client on the loop with a keep-alive connection
// pool per host. Its zero value is ready to use; DefaultClient is the one
// Get and Do use. A Client may be shared by several loops (its pool is
// locked): a connection is only reused by the loop that opened it, and
// the idle connections of a loop that has been closed are closed the
// next time the pool is touched (or by CloseIdleConnections).
type Client struct {
	// Timeout bounds a whole exchange: connecting, writing the request,
	// reading the response's header and reading its body, on the loop's
	// clock. A request past it fails with an error that wraps
	// os.ErrDeadlineExceeded. Zero means no limit; rt.WaitFor bounds a
	// call instead, and a cancelled call closes its connection.
	Timeout time.Duration
	// MaxIdleConnsPerHost is how many idle connections the pool keeps per
	// host and loop; zero means DefaultMaxIdleConnsPerHost, negative
	// means none (every response closes its connection).
	MaxIdleConnsPerHost int
	// IdleConnTimeout is how long an idle connection is kept; zero means
	// DefaultIdleConnTimeout.
	IdleConnTimeout time.Duration
	// MaxResponseHeaderBytes limits a response's header block; zero means
	// DefaultMaxHeaderBytes.
	MaxResponseHeaderBytes int

	mu   sync.Mutex
	idle map[poolKey][]idleConn
	// Dials counts the connections the client opened (for tests and
	// benchmarks of keep-alive).
	dials int
}

// DefaultClient is the Client that Get and Do use.
var DefaultClient = &Client{}

type poolKey struct {
	loop rt.Loop
	addr string // host:port
}

type idleConn struct {
	c     *anet.Conn
	since time.Time
}

// Response is an HTTP response whose body is read on the loop: the
// embedded http.Response holds the status, header and the rest as
// net/http parsed them, and Body, which is also set as the embedded
// response's Body, reads the body incrementally.
type Response struct {
	*http.Response
	Body *Body
}

// Get issues a GET to url with DefaultClient.
//
// async
func Get(url string) (*Response, error) {
	return DefaultClient.Get(url)
}

// Do sends req with DefaultClient.
//
// async
func Do(req *http.Request) (*Response, error) {
	return DefaultClient.Do(req)
}

// Get issues a GET to url.
func (cl *Client) Get(url string) (*Response, error) {
	req, err := newGet(url)
	if err != nil {
		return nil, err
	}
	return cl.Do(req)
}

// GetAsync is the companion of Get (written by hand: it is Do's
// coroutine, so a GET costs no frame of its own).
func (cl *Client) GetAsync(url string) rt.Awaitable[*Response] {
	req, err := newGet(url)
	if err != nil {
		f := rt.NewFuture[*Response]()
		f.SetError(err)
		return f
	}
	return cl.DoAsync(req)
}

// newGet is http.NewRequest("GET", rawURL, nil) without the empty header
// map, which Get's request does not need: a waiting GET holds less.
func newGet(rawURL string) (*http.Request, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, err
	}
	return &http.Request{
		Method:     http.MethodGet,
		URL:        u,
		Proto:      "HTTP/1.1",
		ProtoMajor: 1,
		ProtoMinor: 1,
		Host:       strings.TrimSuffix(u.Host, ":"),
	}, nil
}

func (cl *Client) countDial() {
	cl.mu.Lock()
	cl.dials++
	cl.mu.Unlock()
}

// Dials returns how many connections the client has opened.
func (cl *Client) Dials() int {
	cl.mu.Lock()
	defer cl.mu.Unlock()
	return cl.dials
}

// Do sends req and reads the response's header; the body is read from
// resp.Body (async Read or ReadAll). Read the body to its end, or Close
// it, so that the connection goes back to the pool (or is closed).
//
// Only http URLs are supported (no TLS). The request body, if any, is read
// into memory first (from ordinary code: a body that would block, blocks
// the loop). Redirects are not followed: the 3xx response is returned.
// A request that fails on a reused connection before any byte of the
// response arrived (the server closed it while it was idle) is sent again
// on a new connection when it is a GET, HEAD, OPTIONS or TRACE, or its
// body can be sent again.
//
// async
func (cl *Client) Do(req *http.Request) (*Response, error) {
	if req.URL == nil {
		return nil, errors.New("ahttp: request without URL")
	}
	if req.URL.Scheme != "http" {
		return nil, fmt.Errorf("ahttp: unsupported protocol scheme %q (only http)", req.URL.Scheme)
	}
	if req.URL.Host == "" {
		return nil, errors.New("ahttp: no Host in request URL")
	}
	lp := rt.CurrentLoop()
	key := poolKey{addr: canonicalAddr(req)}
	if lp != nil {
		key.loop = *lp
	}
	var dl time.Time
	if cl.Timeout > 0 {
		dl = rt.Now().Add(cl.Timeout)
	}
	var c *anet.Conn // ours until the response's body takes it
	defer func() {
		if c != nil {
			c.Close() // failed or cancelled
		}
	}()
	for {
		c = cl.takeIdle(key)
		reused := c != nil
		if c == nil {
			nc, err := cl.dial(key.addr, dl)
			if err != nil {
				return nil, err
			}
			c = nc
		}
		resp, err := cl.exchange(c, req, dl)
		if err == nil {
			r := cl.withBody(resp, req, key, c)
			c = nil
			return r, nil
		}
		c.Close()
		c = nil
		if reused && errors.Is(err, errNothingRead) && replayable(req) {
			if req.GetBody != nil {
				if req.Body, err = req.GetBody(); err != nil {
					return nil, err
				}
			}
			continue
		}
		return nil, &url.Error{Op: opName(req.Method), URL: req.URL.String(), Err: unwrapNothing(err)}
	}
}

// dial opens a connection to addr, within the deadline.
//
// async
func (cl *Client) dial(addr string, dl time.Time) (*anet.Conn, error) {
	cl.countDial()
	if dl.IsZero() {
		return anet.Dial("tcp", addr)
	}
	left := dl.Sub(rt.Now())
	if left <= 0 {
		return nil, timeoutError("dial " + addr)
	}
	c, err := rt.Await(rt.WaitFor(anet.DialAsync("tcp", addr), left))
	if err == rt.ErrTimeout {
		return nil, timeoutError("dial " + addr)
	}
	return c, err
}

// exchange writes the request on c and reads the response's header (the
// caller owns c throughout).
//
// async
func (cl *Client) exchange(c *anet.Conn, req *http.Request, dl time.Time) (*http.Response, error) {
	c.SetDeadline(dl)
	wire, err := encodeRequest(req)
	if err != nil {
		return nil, err
	}
	_, err = c.Write(wire.Bytes())
	putWire(wire) // not kept while the response is awaited; Write keeps no reference
	if err != nil {
		return nil, nothingRead{err}
	}
	limit := cl.MaxResponseHeaderBytes
	if limit <= 0 {
		limit = DefaultMaxHeaderBytes
	}
	first := true
	for {
		block, err := readHeader(c, limit)
		if err != nil {
			if first && (err == io.EOF || isReset(err)) {
				return nil, nothingRead{err}
			}
			return nil, unexpected(err)
		}
		first = false
		resp, err := parseResponse(block, req)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode >= 100 && resp.StatusCode < 200 && resp.StatusCode != http.StatusSwitchingProtocols {
			continue // 100 Continue, 103 Early Hints: the real answer follows
		}
		return resp, nil
	}
}

// withBody gives resp a Body that reads from c and then hands c back to
// the pool (or closes it).
func (cl *Client) withBody(resp *http.Response, req *http.Request, key poolKey, c *anet.Conn) *Response {
	mode, n := bodyFraming(resp.TransferEncoding, resp.ContentLength)
	if req.Method == http.MethodHead || resp.StatusCode == http.StatusNoContent || resp.StatusCode == http.StatusNotModified {
		mode, n = bodyFixed, 0
	}
	keep := !resp.Close && !req.Close && mode != bodyToEOF
	body := newBody(c, mode, n, func(reuse bool) {
		if reuse && keep {
			cl.putIdle(key, c)
		} else {
			c.Close()
		}
	})
	resp.Body = body
	return &Response{Response: resp, Body: body}
}

// wires holds the buffers requests are encoded into, so that thousands
// of requests in flight do not each leave one behind for the collector.
var wires = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// putWire gives buf back to wires, unless a large body made it too big to
// keep.
func putWire(buf *bytes.Buffer) {
	if buf.Cap() <= 64<<10 {
		wires.Put(buf)
	}
}

// encodeRequest serializes req with net/http's Request.Write, its body
// read into memory, into a buffer of wires.
func encodeRequest(req *http.Request) (*bytes.Buffer, error) {
	r := req
	if req.Body != nil && req.Body != http.NoBody {
		r = new(http.Request)
		*r = *req
		data, err := io.ReadAll(req.Body)
		req.Body.Close()
		if err != nil {
			return nil, err
		}
		r.Body = io.NopCloser(bytes.NewReader(data))
		if r.ContentLength <= 0 {
			r.ContentLength = int64(len(data))
		}
		if req.GetBody == nil { // so that the request can be sent again
			req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }
			req.Body, _ = req.GetBody()
		}
	}
	buf := wires.Get().(*bytes.Buffer)
	buf.Reset()
	if err := r.Write(buf); err != nil {
		putWire(buf)
		return nil, err
	}
	return buf, nil
}

// replayable reports whether req may be sent again on a new connection.
func replayable(req *http.Request) bool {
	switch req.Method {
	case "", http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodTrace:
		return true
	}
	return req.Body == nil || req.Body == http.NoBody || req.GetBody != nil
}

// canonicalAddr is the URL's host:port, port 80 when absent.
func canonicalAddr(req *http.Request) string {
	host, port := req.URL.Hostname(), req.URL.Port()
	if port == "" {
		port = "80"
	}
	return net.JoinHostPort(host, port)
}

// takeIdle returns an idle connection to key's host opened on key's
// loop, or nil. It closes the connections that have been idle too long
// and those of closed loops.
func (cl *Client) takeIdle(key poolKey) *anet.Conn {
	cl.mu.Lock()
	defer cl.mu.Unlock()
	cl.pruneLocked()
	list := cl.idle[key]
	if len(list) == 0 {
		return nil
	}
	ic := list[len(list)-1]
	list[len(list)-1] = idleConn{}
	cl.idle[key] = list[:len(list)-1]
	return ic.c
}

// putIdle keeps c for reuse, or closes it when the pool is full.
func (cl *Client) putIdle(key poolKey, c *anet.Conn) {
	max := cl.MaxIdleConnsPerHost
	if max == 0 {
		max = DefaultMaxIdleConnsPerHost
	}
	cl.mu.Lock()
	defer cl.mu.Unlock()
	if key.loop == (rt.Loop{}) || len(cl.idle[key]) >= max {
		c.Close()
		return
	}
	c.SetDeadline(time.Time{})
	if cl.idle == nil {
		cl.idle = map[poolKey][]idleConn{}
	}
	cl.idle[key] = append(cl.idle[key], idleConn{c, time.Now()})
}

// pruneLocked closes the idle connections that have been idle too long
// or belong to a closed loop.
func (cl *Client) pruneLocked() {
	timeout := cl.IdleConnTimeout
	if timeout == 0 {
		timeout = DefaultIdleConnTimeout
	}
	old := time.Now().Add(-timeout)
	for key, list := range cl.idle {
		dead := key.loop.Closed()
		kept := list[:0]
		for _, ic := range list {
			if dead || ic.since.Before(old) {
				ic.c.Close()
			} else {
				kept = append(kept, ic)
			}
		}
		clear(list[len(kept):])
		if len(kept) == 0 {
			delete(cl.idle, key)
		} else {
			cl.idle[key] = kept
		}
	}
}

// CloseIdleConnections closes the idle connections of the pool. Call it
// from the loop that opened them, or after that loop is closed.
func (cl *Client) CloseIdleConnections() {
	cl.mu.Lock()
	defer cl.mu.Unlock()
	for key, list := range cl.idle {
		for _, ic := range list {
			ic.c.Close()
		}
		delete(cl.idle, key)
	}
}

// IdleConns returns how many idle connections the pool holds.
func (cl *Client) IdleConns() int {
	cl.mu.Lock()
	defer cl.mu.Unlock()
	n := 0
	for _, list := range cl.idle {
		n += len(list)
	}
	return n
}

// nothingRead marks a failure before any byte of the response arrived.
type nothingRead struct{ err error }

func (e nothingRead) Error() string { return e.err.Error() }
func (e nothingRead) Unwrap() error { return e.err }
func (e nothingRead) Is(target error) bool {
	return target == errNothingRead
}

var errNothingRead = errors.New("ahttp: nothing read")

func unwrapNothing(err error) error {
	var nr nothingRead
	if errors.As(err, &nr) {
		return nr.err
	}
	return err
}

func isReset(err error) bool {
	return errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE)
}

// opName is the method as net/http names it in a url.Error ("Get").
func opName(method string) string {
	if method == "" {
		return "Get"
	}
	return method[:1] + strings.ToLower(method[1:])
}

// timeoutError is a deadline passed outside a connection's own wait.
type timeoutError string

func (e timeoutError) Error() string   { return string(e) + ": i/o timeout" }
func (e timeoutError) Timeout() bool   { return true }
func (e timeoutError) Temporary() bool { return true }
func (e timeoutError) Unwrap() error   { return os.ErrDeadlineExceeded }
