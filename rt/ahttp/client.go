//go:build unix

package ahttp

import (
	"bytes"
	"crypto/tls"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/anet"
)

// Defaults of the Client.
const (
	// DefaultMaxConnsPerHost bounds the connections a loop has open or
	// opening to one host:port at once. net/http sets no limit; ahttp
	// does, because one loop starts every request it is given at once: a
	// burst of 20,000 GETs to one server would otherwise open 20,000
	// connections in one turn of the loop, past the server's accept
	// queue (SOMAXCONN, 4096 on Linux) and into the range where the
	// kernel's search for a free local port makes connect() itself slow
	// (it searches the half of ip_local_port_range, about 14,000 ports,
	// that it prefers for connect first). With the limit, the requests
	// past it wait in line and take over the connections of those that
	// finish: fewer handshakes, the same throughput. bench/fetch (N
	// concurrent GETs to a server that answers after 50 ms) was fastest
	// with 1024 among 512, 1024, 4096 and no limit, at every N from 1,000
	// to 19,000.
	DefaultMaxConnsPerHost = 1024
	// DefaultMaxIdleConnsPerHost is how many idle connections a loop keeps
	// per host (net/http: 2, which makes a loop that runs a few dozen
	// requests at a time to one host close and reopen most of its
	// connections). A connection that a waiting request is about to take
	// is kept whatever this limit.
	DefaultMaxIdleConnsPerHost = 16
	DefaultIdleConnTimeout     = 90 * time.Second
)

// Client is an HTTP/1.1 client on the loop with a keep-alive connection
// pool per host. Its zero value is ready to use; DefaultClient is the one
// Get and Do use. Set its fields before its first request.
//
// A Client may be shared by several loops (several goroutines each
// running rt.Run, or a loop group): a connection belongs to the loop that
// opened it, each loop has a pool of its own, and the limits below are
// per loop and host. Only a loop's own tasks touch its connections; the
// idle connections of a loop that has been closed are closed when another
// loop next opens a pool, or by CloseIdleConnections.
type Client struct {
	// Timeout bounds a whole exchange: waiting for a connection,
	// connecting, writing the request, reading the response's header and
	// reading its body, on the loop's clock. A request past it fails with
	// an error that wraps os.ErrDeadlineExceeded. Zero means no limit;
	// rt.WaitFor bounds a call instead, and a cancelled call closes its
	// connection.
	Timeout time.Duration
	// MaxConnsPerHost bounds the connections to one host:port that a loop
	// uses at once (connecting, or carrying a request and its response
	// until the body is read or closed). A request past it waits, parking
	// only its own task, first come first served, until a connection is
	// free (it then reuses it) or a slot is (it connects); the wait can
	// be cancelled and counts towards Timeout. Zero means
	// DefaultMaxConnsPerHost, negative means no limit (net/http's zero).
	MaxConnsPerHost int
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
	// MaxResponseBodyBytes limits how much of a response's body
	// Body.ReadAll and Body.WriteTo read: past it they fail with
	// ErrBodyTooLarge and the connection is closed (Body.SetLimit sets
	// it for one body). Zero means no limit (as io.ReadAll of a net/http
	// body); either way ReadAll's memory grows with the bytes that
	// actually arrive, not with the Content-Length the server declared,
	// and WriteTo streams through a 32 KiB buffer. Body.Read is not
	// limited.
	MaxResponseBodyBytes int64

	// CheckRedirect decides whether Do follows a redirect, as net/http's
	// Client.CheckRedirect does: req is the request about to be sent and
	// via those already sent, oldest first. An error stops Do, which
	// returns it (in a url.Error) with the last response, its body
	// closed; http.ErrUseLastResponse returns the last response with its
	// body unread and no error. Nil means net/http's policy: stop after
	// 10 redirects. It runs on the loop and must not block.
	CheckRedirect func(req *http.Request, via []*http.Request) error
	// Jar, if not nil, gives every request its cookies (the first and
	// each redirect) and takes the Set-Cookie of every response
	// (net/http/cookiejar is one). It is called on the loop and must not
	// block.
	Jar http.CookieJar
	// DisableCompression stops Do asking for gzip. Otherwise a request
	// without Accept-Encoding or Range (and not a HEAD) is sent with
	// Accept-Encoding: gzip, and a gzip response is decoded as its body
	// is read, with Content-Encoding and Content-Length removed,
	// ContentLength -1 and Uncompressed set, as net/http does. A request
	// that sets Accept-Encoding itself gets the body as it came.
	DisableCompression bool
	// Proxy returns the proxy for a request, or nil for none, as
	// net/http's Transport.Proxy; nil means http.ProxyFromEnvironment
	// (HTTP_PROXY, NO_PROXY and their lower-case forms, never for
	// localhost), as net/http's DefaultTransport. An http URL goes to
	// the proxy in absolute form, with the proxy URL's user info as
	// Proxy-Authorization; connections to the proxy are pooled. An https
	// URL goes through a CONNECT tunnel to its host (with the same
	// Proxy-Authorization), TLS running inside it; tunnels are pooled per
	// proxy and host. A proxy URL with the https scheme is spoken to over
	// TLS (with TLSClientConfig and the proxy's name, as net/http) for
	// http URLs; an https URL through an https proxy (TLS inside TLS) is
	// not supported and fails.
	Proxy func(*http.Request) (*url.URL, error)

	// TLSClientConfig configures the TLS of https requests, as net/http's
	// Transport.TLSClientConfig: nil means crypto/tls's defaults (the
	// system's roots). Each connection uses a clone with ServerName set
	// to the URL's host unless it is set, and NextProtos "http/1.1"
	// unless it is set (ahttp speaks HTTP/1.1 only, so set nothing else).
	// Give it a ClientSessionCache to resume sessions.
	TLSClientConfig *tls.Config
	// TLSHandshakeTimeout bounds a TLS handshake (zero:
	// anet.DefaultHandshakeTimeout, 10 s, as net/http's
	// DefaultTransport; negative: none but Timeout).
	TLSHandshakeTimeout time.Duration
	// ExpectContinueTimeout is how long a request with a body and the
	// header "Expect: 100-continue" waits, once its header is sent, for
	// the server's 100 Continue before it sends the body anyway, as
	// net/http's Transport.ExpectContinueTimeout: a 100 sends the body at
	// once, and a final status instead (a 401, a 413) means the body is
	// not sent at all (the response then closes the connection). Zero
	// means DefaultExpectContinueTimeout (1 s, as net/http's
	// DefaultTransport); negative means no wait, the body follows the
	// header at once.
	ExpectContinueTimeout time.Duration

	mu    sync.Mutex
	loops map[rt.Loop]*loopPool // guarded by mu; a loopPool itself belongs to its loop
	dials atomic.Int64
	idle  atomic.Int64 // idle connections, over all loops
}

// DefaultClient is the Client that Get and Do use.
var DefaultClient = &Client{}

// loopPool is the part of a Client's pool that belongs to one loop: only
// that loop's tasks use it (or, once the loop is closed, whoever holds
// the Client's lock).
type loopPool struct {
	loop   rt.Loop
	hosts  map[string]*hostPool
	pruned time.Time // when the idle connections of every host were last pruned
}

// hostPool holds a loop's connections to one host:port.
type hostPool struct {
	cl      *Client
	lp      *loopPool
	addr    string
	idle    []idleConn    // oldest first; the newest is reused first
	slots   *rt.Semaphore // MaxConnsPerHost; nil for no limit
	waiting int           // tasks waiting for a slot, or woken and not yet run
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

// basicAuth is the credentials of Basic authentication for u.
func basicAuth(u *url.Userinfo) string {
	pw, _ := u.Password()
	return base64.StdEncoding.EncodeToString([]byte(u.Username() + ":" + pw))
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

// Dials returns how many connections the client has opened.
func (cl *Client) Dials() int { return int(cl.dials.Load()) }

// send makes one exchange of req (no redirect followed), through proxy
// when it is not nil, within dl (zero: no limit). Called from ordinary
// code (no loop), it blocks and uses no pool.
//
// A request that fails on a reused connection is sent again on another
// one when net/http would send it again: when nothing of it was written,
// or when nothing of the response arrived (the server closed the idle
// connection) and the request is idempotent (GET, HEAD, OPTIONS, TRACE,
// or one with an Idempotency-Key or X-Idempotency-Key header). A POST
// that may have reached the server is never sent twice.
//
// async
func (cl *Client) send(req *http.Request, proxy *url.URL, dl time.Time) (*Response, error) {
	addr := canonicalAddr(req.URL)
	key := addr // the pool's
	var tunnel *url.URL
	if req.URL.Scheme == "https" {
		key = "https://" + addr
		if proxy != nil { // CONNECT: the request itself goes in origin form
			tunnel, proxy = proxy, nil
			key += " via " + canonicalAddr(tunnel)
		}
	} else if proxy != nil {
		addr = canonicalAddr(proxy) // the pool is the proxy's; each request names its target
		key = proxy.Scheme + "://" + addr
	}
	// An https proxy is spoken to over TLS.
	var proxyTLS *url.URL
	if p := proxy; p != nil && p.Scheme == "https" {
		proxyTLS = p
	} else if p := tunnel; p != nil && p.Scheme == "https" {
		return nil, &url.Error{Op: opName(req.Method), URL: req.URL.String(), Err: errTLSInTLS}
	}
	var hp *hostPool // nil outside a loop: no pool
	if lp := rt.CurrentLoop(); lp != nil {
		hp = cl.hostPool(*lp, key)
	}
	if err := hp.acquire(dl); err != nil {
		return nil, &url.Error{Op: opName(req.Method), URL: req.URL.String(), Err: err}
	}
	held := hp.limited() // a slot is ours until the response's body takes it
	var c *anet.Conn     // ours until the response's body takes it
	defer func() {
		if c != nil {
			c.Close() // failed or cancelled
		}
		if held {
			hp.slots.Release()
		}
	}()
	for {
		c = hp.takeIdle()
		reused := c != nil
		if c == nil {
			nc, err := cl.connect(req.URL, proxyTLS, tunnel, addr, dl)
			if err != nil {
				return nil, &url.Error{Op: opName(req.Method), URL: req.URL.String(), Err: err}
			}
			c = nc
		}
		resp, err := cl.exchange(c, req, proxy, dl)
		if err == nil {
			if c.IsTLS() {
				st := c.ConnectionState()
				resp.TLS = &st
			}
			r := cl.withBody(resp, req, hp, c, held)
			c, held = nil, false
			return r, nil
		}
		c.Close()
		c = nil
		if reused && retryable(req, err) {
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

// errTLSInTLS fails an https request through an https proxy.
var errTLSInTLS = errors.New("ahttp: an https URL through an https proxy (TLS inside the proxy's TLS) is not supported; use an http proxy for it")

// connect opens a connection for a request to u: to addr, or through
// the proxy tunnel (CONNECT addr), and for https with a TLS handshake,
// all within the deadline. proxyTLS is an https proxy that the connection
// to addr (the proxy's) speaks TLS to.
//
// async
func (cl *Client) connect(u *url.URL, proxyTLS *url.URL, tunnel *url.URL, addr string, dl time.Time) (*anet.Conn, error) {
	target := addr
	if tunnel != nil {
		target = canonicalAddr(tunnel)
	}
	c, err := cl.dial(target, dl)
	if err != nil {
		return nil, err
	}
	if proxyTLS != nil {
		// As net/http: TLS to the proxy with TLSClientConfig, the proxy's
		// name as the server name.
		return cl.handshake(c, proxyTLS.Hostname(), dl)
	}
	if u.Scheme != "https" {
		return c, nil
	}
	if tunnel != nil {
		if err := cl.openTunnel(c, tunnel, addr, dl); err != nil {
			c.Close()
			return nil, err
		}
	}
	return cl.handshake(c, u.Hostname(), dl)
}

// handshake makes c a TLS client of host and runs the handshake within
// the deadline; on failure c is closed.
//
// async
func (cl *Client) handshake(c *anet.Conn, host string, dl time.Time) (*anet.Conn, error) {
	c = anet.TLSClient(c, cl.tlsConfig(host))
	if d := cl.TLSHandshakeTimeout; d != 0 {
		c.SetHandshakeTimeout(d)
	}
	c.SetDeadline(dl)
	if err := c.Handshake(); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

// tlsConfig is the configuration of a connection to host.
func (cl *Client) tlsConfig(host string) *tls.Config {
	var cfg *tls.Config
	if cl.TLSClientConfig != nil {
		cfg = cl.TLSClientConfig.Clone()
	} else {
		cfg = new(tls.Config)
	}
	if cfg.ServerName == "" {
		cfg.ServerName = host
	}
	if cfg.NextProtos == nil {
		cfg.NextProtos = []string{"http/1.1"}
	}
	return cfg
}

// openTunnel asks the proxy on c for a tunnel to addr (CONNECT) and
// reads its answer: a 2xx opens the tunnel, anything else is an error
// that carries the proxy's status.
//
// async
func (cl *Client) openTunnel(c *anet.Conn, proxy *url.URL, addr string, dl time.Time) error {
	c.SetDeadline(dl)
	req := &http.Request{
		Method: http.MethodConnect,
		URL:    &url.URL{Opaque: addr},
		Host:   addr,
		Header: make(http.Header),
	}
	if proxy.User != nil {
		req.Header.Set("Proxy-Authorization", "Basic "+basicAuth(proxy.User))
	}
	var wire bytes.Buffer
	if err := req.Write(&wire); err != nil {
		return err
	}
	if _, err := c.Write(wire.Bytes()); err != nil {
		return err
	}
	limit := cl.MaxResponseHeaderBytes
	if limit <= 0 {
		limit = DefaultMaxHeaderBytes
	}
	block, err := readHeader(c, limit)
	if err != nil {
		return unexpected(err)
	}
	resp, err := parseResponse(block, req)
	if err != nil {
		return err
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("ahttp: proxy %s refused CONNECT %s: %s", proxy.Host, addr, resp.Status)
	}
	return nil
}

// dial opens a connection to addr, within the deadline.
//
// async
func (cl *Client) dial(addr string, dl time.Time) (*anet.Conn, error) {
	cl.dials.Add(1)
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
// caller owns c throughout). Its errors say how far it got:
// nothingWritten, nothingRead, or neither.
//
// async
func (cl *Client) exchange(c *anet.Conn, req *http.Request, proxy *url.URL, dl time.Time) (*http.Response, error) {
	c.SetDeadline(dl)
	wire, err := encodeRequest(req, proxy)
	if err != nil {
		return nil, err
	}
	var body io.Reader
	if hasBody(req) {
		body = req.Body
		defer req.Body.Close() // as net/http: the transport closes the body it sent
	}
	// Expect: 100-continue: the header goes alone, and the body waits for
	// the server's 100 (or the timeout) below.
	expect := body != nil && cl.expectContinueTimeout() > 0 && expectsContinue(req)
	var early bool
	var werr error
	if expect {
		_, werr = writeRequest(c, wire, nil, 0, dl)
		putWire(wire)
		if werr != nil {
			return nil, werr
		}
	} else {
		early, werr = writeRequest(c, wire, body, bodyLength(req), dl)
		putWire(wire) // not kept while the response is awaited; Write keeps no reference
		if werr != nil {
			var be bodyReadError
			if errors.As(werr, &be) || errors.Is(werr, errNothingWritten) {
				return nil, werr
			}
			// The server may have answered and closed before the body was
			// all sent (a 413): its response is still there to read.
			early = true
		}
	}
	var waitUntil time.Time
	if expect {
		waitUntil = rt.Now().Add(cl.expectContinueTimeout())
		if !dl.IsZero() && dl.Before(waitUntil) {
			waitUntil = dl
		}
	}
	limit := cl.MaxResponseHeaderBytes
	if limit <= 0 {
		limit = DefaultMaxHeaderBytes
	}
	// The limit covers the 1xx responses and the final one together, as
	// net/http's does: a server cannot keep the client reading 1xx
	// responses for ever.
	first := true
	for {
		if expect {
			c.SetReadDeadline(waitUntil)
		}
		block, err := readHeader(c, limit)
		if expect {
			c.SetReadDeadline(dl)
			if errors.Is(err, os.ErrDeadlineExceeded) && (dl.IsZero() || rt.Now().Before(dl)) {
				// No answer in time: the body goes anyway (net/http).
				// What had arrived of a header is still buffered.
				expect = false
				if early, werr = cl.sendBody(c, req, body, dl); werr != nil && !early {
					return nil, werr
				}
				continue
			}
		}
		if err != nil {
			if werr != nil {
				return nil, werr // no answer: the write's error says what happened
			}
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
		if early {
			resp.Close = true // the request is not all on the wire: the connection is done
		}
		if resp.StatusCode >= 100 && resp.StatusCode < 200 && resp.StatusCode != http.StatusSwitchingProtocols {
			limit -= len(block)
			if limit <= 0 {
				return nil, ErrHeaderTooLarge
			}
			if expect && resp.StatusCode == http.StatusContinue {
				expect = false
				if early, werr = cl.sendBody(c, req, body, dl); werr != nil && !early {
					return nil, werr
				}
			}
			continue // 100 Continue, 103 Early Hints: the real answer follows
		}
		if expect {
			// A final status instead of 100 Continue: the body is not
			// sent (net/http), so the connection cannot carry another
			// request.
			resp.Close = true
		}
		return resp, nil
	}
}

// sendBody sends the body of req after its header, once the server said
// 100 Continue or did not answer in time. It reports, as writeRequest
// does, an early answer: then, or when the write failed after the server
// may have answered, early is set and the response is read; another
// error fails the request.
//
// async
func (cl *Client) sendBody(c *anet.Conn, req *http.Request, body io.Reader, dl time.Time) (early bool, err error) {
	wire := wires.Get().(*bytes.Buffer)
	wire.Reset()
	early, err = writeRequest(c, wire, body, bodyLength(req), dl)
	putWire(wire)
	if err == nil {
		return early, nil
	}
	var be bodyReadError
	if errors.As(err, &be) {
		return false, err
	}
	if errors.Is(err, errNothingWritten) {
		err = nothingRead{unwrapNothing(err)} // the header is on the wire
	}
	// The server may have answered and closed meanwhile.
	return true, err
}

// expectsContinue reports whether req asks for 100 Continue.
func expectsContinue(req *http.Request) bool {
	for _, v := range req.Header.Values("Expect") {
		for _, t := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(t), "100-continue") {
				return true
			}
		}
	}
	return false
}

// DefaultExpectContinueTimeout is the ExpectContinueTimeout of a Client
// that sets none, net/http's DefaultTransport's.
const DefaultExpectContinueTimeout = time.Second

func (cl *Client) expectContinueTimeout() time.Duration {
	if cl.ExpectContinueTimeout == 0 {
		return DefaultExpectContinueTimeout
	}
	return cl.ExpectContinueTimeout
}

// withBody gives resp a Body that reads from c and then hands c back to
// the pool (or closes it) and frees the slot the request held.
func (cl *Client) withBody(resp *http.Response, req *http.Request, hp *hostPool, c *anet.Conn, held bool) *Response {
	mode, n := bodyFraming(resp.TransferEncoding, resp.ContentLength)
	if req.Method == http.MethodHead || resp.StatusCode == http.StatusNoContent || resp.StatusCode == http.StatusNotModified {
		mode, n = bodyFixed, 0
	}
	if resp.StatusCode == http.StatusSwitchingProtocols {
		mode = bodyToEOF // the other protocol's bytes, to the end of the stream
	}
	keep := !resp.Close && !req.Close && mode != bodyToEOF
	body := newBody(c, mode, n, func(reuse bool) {
		hp.release(c, reuse && keep, held)
	})
	body.limit = cl.MaxResponseBodyBytes
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

// retryable reports whether req, which failed with err on a reused
// connection, may be sent again on another (net/http's
// persistConn.shouldRetryRequest): its body, if any, can be sent again
// (GetBody), and nothing of it was written, or it is idempotent and
// nothing of the response came.
func retryable(req *http.Request, err error) bool {
	if hasBody(req) && req.GetBody == nil {
		return false
	}
	if errors.Is(err, errNothingWritten) {
		return true
	}
	return errors.Is(err, errNothingRead) && idempotent(req)
}

// idempotent reports whether req may be applied twice: its method says
// so, or it carries an idempotency key (as net/http decides).
func idempotent(req *http.Request) bool {
	switch req.Method {
	case "", http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodTrace:
		return true
	}
	_, key := req.Header["Idempotency-Key"]
	_, xkey := req.Header["X-Idempotency-Key"]
	return key || xkey
}

// canonicalAddr is the URL's host:port, port 80 (443 for https) when
// absent.
func canonicalAddr(u *url.URL) string {
	host, port := u.Hostname(), u.Port()
	if port == "" {
		port = "80"
		if u.Scheme == "https" {
			port = "443"
		}
	}
	return net.JoinHostPort(host, port)
}

// hostPool returns lp's pool for addr, made on first use. A new loop's
// pool is the moment to drop the pools of the loops that have closed.
func (cl *Client) hostPool(lp rt.Loop, addr string) *hostPool {
	cl.mu.Lock()
	defer cl.mu.Unlock()
	p := cl.loops[lp]
	if p == nil {
		cl.dropClosedLocked()
		if cl.loops == nil {
			cl.loops = map[rt.Loop]*loopPool{}
		}
		p = &loopPool{loop: lp, hosts: map[string]*hostPool{}, pruned: time.Now()}
		cl.loops[lp] = p
	}
	hp := p.hosts[addr]
	if hp == nil {
		hp = &hostPool{cl: cl, lp: p, addr: addr}
		if max := cl.maxConns(); max > 0 {
			hp.slots = rt.NewSemaphore(max)
		}
		p.hosts[addr] = hp
	}
	return hp
}

// dropClosedLocked closes the idle connections of the loops that have
// been closed and forgets their pools. Those loops run nothing any more
// (Closed is set when Close is done), so their connections may be closed
// from here.
func (cl *Client) dropClosedLocked() {
	for lp, p := range cl.loops {
		if lp.Closed() {
			for _, hp := range p.hosts {
				hp.closeIdle()
			}
			delete(cl.loops, lp)
		}
	}
}

func (cl *Client) maxConns() int {
	switch {
	case cl.MaxConnsPerHost == 0:
		return DefaultMaxConnsPerHost
	case cl.MaxConnsPerHost < 0:
		return 0
	}
	return cl.MaxConnsPerHost
}

func (cl *Client) maxIdle() int {
	if cl.MaxIdleConnsPerHost == 0 {
		return DefaultMaxIdleConnsPerHost
	}
	return cl.MaxIdleConnsPerHost
}

func (cl *Client) idleTimeout() time.Duration {
	if cl.IdleConnTimeout <= 0 {
		return DefaultIdleConnTimeout
	}
	return cl.IdleConnTimeout
}

// limited reports whether hp's requests hold slots of MaxConnsPerHost.
func (hp *hostPool) limited() bool { return hp != nil && hp.slots != nil }

// acquire takes a slot of MaxConnsPerHost for a request, waiting in line
// while every slot is taken; the wait ends with an error that wraps
// os.ErrDeadlineExceeded at dl (unless dl is zero).
//
// async
func (hp *hostPool) acquire(dl time.Time) error {
	if !hp.limited() || hp.slots.TryAcquire() {
		return nil
	}
	hp.waiting++
	defer func() { hp.waiting-- }()
	if dl.IsZero() {
		hp.slots.Acquire()
		return nil
	}
	_, err := rt.Await(rt.TimeoutAt(dl, hp.slots.AcquireAsync()))
	if err == rt.ErrTimeout {
		return timeoutError("waiting for a connection to " + hp.addr)
	}
	return err
}

// takeIdle returns an idle connection, or nil. A connection the server
// has closed or reset while it was idle, or that holds bytes nobody asked
// for, is closed instead.
func (hp *hostPool) takeIdle() *anet.Conn {
	if hp == nil {
		return nil
	}
	hp.lp.prune(hp.cl.idleTimeout())
	for len(hp.idle) > 0 {
		ic := hp.idle[len(hp.idle)-1]
		hp.idle[len(hp.idle)-1] = idleConn{}
		hp.idle = hp.idle[:len(hp.idle)-1]
		hp.cl.idle.Add(-1)
		if ic.c.Readable() {
			ic.c.Close()
			continue
		}
		return ic.c
	}
	return nil
}

// release takes back the connection of a response whose body has ended
// (reuse: at a message boundary, on a connection both sides keep) or was
// given up, and frees the request's slot. A connection is kept only when
// nothing is left to read on it: bytes after a complete response were not
// asked for, and would be taken for the next response.
func (hp *hostPool) release(c *anet.Conn, reuse, held bool) {
	if hp == nil || hp.lp.loop.Closed() { // no pool, or a body read after its loop ended
		c.Close()
		return
	}
	if reuse && c.Buffered() == 0 && !c.Readable() &&
		(len(hp.idle) < hp.cl.maxIdle() || len(hp.idle) < hp.waiting) {
		c.SetDeadline(time.Time{})
		hp.idle = append(hp.idle, idleConn{c, time.Now()})
		hp.cl.idle.Add(1)
	} else {
		c.Close()
	}
	if held {
		hp.slots.Release() // the first waiter, if any, takes c
	}
}

// closeIdle closes hp's idle connections.
func (hp *hostPool) closeIdle() {
	for _, ic := range hp.idle {
		ic.c.Close()
	}
	hp.cl.idle.Add(-int64(len(hp.idle)))
	clear(hp.idle)
	hp.idle = hp.idle[:0]
}

// pruneExpired closes the connections idle since before old.
func (hp *hostPool) pruneExpired(old time.Time) {
	n := 0
	for n < len(hp.idle) && hp.idle[n].since.Before(old) {
		hp.idle[n].c.Close()
		n++
	}
	if n > 0 {
		hp.cl.idle.Add(-int64(n))
		rest := copy(hp.idle, hp.idle[n:])
		clear(hp.idle[rest:])
		hp.idle = hp.idle[:rest]
	}
}

// prune closes the loop's connections that have been idle longer than
// timeout, looking at every host at most a few times per timeout.
func (p *loopPool) prune(timeout time.Duration) {
	now := time.Now()
	if now.Sub(p.pruned) < timeout/4 {
		return
	}
	p.pruned = now
	for _, hp := range p.hosts {
		hp.pruneExpired(now.Add(-timeout))
	}
}

// CloseIdleConnections closes the idle connections of the pool: those of
// closed loops at once, those of running loops on their own loop (by
// Loop.CallSoonThreadSafe, so on a later turn of that loop), since only a
// loop may close its connections. Called from a loop's task, it so closes
// that loop's idle connections before the task's next await returns.
func (cl *Client) CloseIdleConnections() {
	cl.mu.Lock()
	defer cl.mu.Unlock()
	cl.dropClosedLocked()
	for lp, p := range cl.loops {
		lp.CallSoonThreadSafe(func() {
			for _, hp := range p.hosts {
				hp.closeIdle()
			}
		})
	}
}

// IdleConns returns how many idle connections the pool holds, over every
// loop.
func (cl *Client) IdleConns() int { return int(cl.idle.Load()) }

// nothingRead marks a failure before any byte of the response arrived.
type nothingRead struct{ err error }

func (e nothingRead) Error() string { return e.err.Error() }
func (e nothingRead) Unwrap() error { return e.err }
func (e nothingRead) Is(target error) bool {
	return target == errNothingRead
}

// nothingWritten marks a failure before any byte of the request went out.
type nothingWritten struct{ err error }

func (e nothingWritten) Error() string { return e.err.Error() }
func (e nothingWritten) Unwrap() error { return e.err }
func (e nothingWritten) Is(target error) bool {
	return target == errNothingWritten
}

var (
	errNothingRead    = errors.New("ahttp: nothing read")
	errNothingWritten = errors.New("ahttp: nothing written")
)

func unwrapNothing(err error) error {
	var nr nothingRead
	if errors.As(err, &nr) {
		return nr.err
	}
	var nw nothingWritten
	if errors.As(err, &nw) {
		return nw.err
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
