//go:build unix

package ahttp_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/ahttp"
	"github.com/asyncgen/asyncgen/rt/anet"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testHandler answers by path:
//
//	/hello    "hello"
//	/echo     the request's method, transfer encoding, and body
//	/stream   three parts, flushed one by one (chunked)
//	/sleep    sleeps 20 ms on the loop, then "slept"
//	/fail     returns an error (500)
//	/panic    panics (500)
//
// async
func testHandler(w *ahttp.ResponseWriter, r *http.Request) error {
	switch r.URL.Path {
	case "/hello":
		io.WriteString(w, "hello")
	case "/echo":
		b, _ := io.ReadAll(r.Body)
		fmt.Fprintf(w, "%s %v %d:%s", r.Method, r.TransferEncoding, len(b), b)
	case "/stream":
		for i := range 3 {
			fmt.Fprintf(w, "part %d;", i)
			if err := w.Flush(); err != nil {
				return err
			}
			rt.Sleep(2 * time.Millisecond)
		}
	case "/sleep":
		rt.Sleep(20 * time.Millisecond)
		io.WriteString(w, "slept")
	case "/fail":
		io.WriteString(w, "half")
		return errors.New("boom")
	case "/panic":
		panic("handler panic")
	default:
		http.NotFound(w, r)
	}
	return nil
}

// runServer serves srv on loopback on a loop of its own (a goroutine
// that stands for another process) and returns its base URL; cleanup
// closes the server from its loop.
func runServer(t testing.TB, srv *ahttp.Server) string {
	t.Helper()
	ln, err := anet.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	lp := rt.NewLoop()
	done := make(chan error, 1)
	go func() {
		_, err := rt.RunOn(lp, srv.ServeAsync(ln))
		done <- err
	}()
	t.Cleanup(func() {
		lp.CallSoonThreadSafe(func() { srv.Close() })
		assert.ErrorIs(t, <-done, http.ErrServerClosed)
		lp.Close()
	})
	return "http://" + ln.Addr().String()
}

// countingClient is a net/http client that counts the connections it
// dials.
func countingClient() (*http.Client, *atomic.Int32) {
	var n atomic.Int32
	tr := &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		n.Add(1)
		return (&net.Dialer{}).DialContext(ctx, network, addr)
	}}
	return &http.Client{Transport: tr}, &n
}

func readBody(t *testing.T, resp *http.Response) string {
	t.Helper()
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return string(b)
}

func TestServerStdClient(t *testing.T) {
	base := runServer(t, &ahttp.Server{Handler: ahttp.HandlerFunc(testHandlerAsync)})
	c, dials := countingClient()
	defer c.CloseIdleConnections()

	resp, err := c.Get(base + "/hello")
	require.NoError(t, err)
	assert.Equal(t, 200, resp.StatusCode)
	assert.Equal(t, int64(5), resp.ContentLength)
	assert.Equal(t, "text/plain; charset=utf-8", resp.Header.Get("Content-Type"))
	assert.NotEmpty(t, resp.Header.Get("Date"))
	assert.Equal(t, "hello", readBody(t, resp))

	resp, err = c.Post(base+"/echo", "text/plain", strings.NewReader("content length body"))
	require.NoError(t, err)
	assert.Equal(t, "POST [] 19:content length body", readBody(t, resp))

	// A body of unknown length goes out chunked.
	resp, err = c.Post(base+"/echo", "text/plain", io.MultiReader(strings.NewReader("chunked "), strings.NewReader("body")))
	require.NoError(t, err)
	assert.Equal(t, "POST [chunked] 12:chunked body", readBody(t, resp))

	resp, err = c.Get(base + "/stream")
	require.NoError(t, err)
	assert.Equal(t, []string{"chunked"}, resp.TransferEncoding)
	assert.Equal(t, "part 0;part 1;part 2;", readBody(t, resp))

	resp, err = c.Head(base + "/hello")
	require.NoError(t, err)
	assert.Equal(t, int64(5), resp.ContentLength, "HEAD tells the length GET would have")
	assert.Equal(t, "", readBody(t, resp))

	resp, err = c.Get(base + "/missing")
	require.NoError(t, err)
	assert.Equal(t, 404, resp.StatusCode)
	readBody(t, resp)

	assert.Equal(t, int32(1), dials.Load(), "every request on one kept-alive connection")

	for _, p := range []string{"/fail", "/panic"} {
		resp, err = c.Get(base + p)
		require.NoError(t, err)
		assert.Equal(t, 500, resp.StatusCode, p)
		assert.True(t, resp.Close, "the server closes after a failed handler")
		readBody(t, resp)
	}
	resp, err = c.Get(base + "/hello")
	require.NoError(t, err)
	assert.Equal(t, "hello", readBody(t, resp), "the server goes on after a panic")
}

func TestServerExpectContinue(t *testing.T) {
	base := runServer(t, &ahttp.Server{Handler: ahttp.HandlerFunc(testHandlerAsync)})
	tr := &http.Transport{ExpectContinueTimeout: time.Hour} // the body waits for 100 Continue
	defer tr.CloseIdleConnections()
	req, err := http.NewRequest("PUT", base+"/echo", strings.NewReader("after continue"))
	require.NoError(t, err)
	req.Header.Set("Expect", "100-continue")
	resp, err := (&http.Client{Transport: tr}).Do(req)
	require.NoError(t, err)
	assert.Equal(t, "PUT [] 14:after continue", readBody(t, resp))
}

func TestServerConcurrentStdClients(t *testing.T) {
	base := runServer(t, &ahttp.Server{Handler: ahttp.HandlerFunc(testHandlerAsync)})
	c := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 100}}
	defer c.CloseIdleConnections()
	const n = 100
	errs := make(chan error, n)
	for range n {
		go func() {
			resp, err := c.Get(base + "/sleep")
			if err == nil {
				var b []byte
				b, err = io.ReadAll(resp.Body)
				resp.Body.Close()
				if err == nil && string(b) != "slept" {
					err = fmt.Errorf("body %q", b)
				}
			}
			errs <- err
		}()
	}
	for range n {
		assert.NoError(t, <-errs)
	}
}

// rawExchange writes req on a new connection to base's host and returns
// everything the server sends until it closes (or 2 s pass).
func rawExchange(t *testing.T, base, req string) string {
	t.Helper()
	c, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	require.NoError(t, err)
	defer c.Close()
	go io.WriteString(c, req)
	c.SetReadDeadline(time.Now().Add(2 * time.Second))
	b, _ := io.ReadAll(c)
	return string(b)
}

func TestServerHeaderTooLarge(t *testing.T) {
	base := runServer(t, &ahttp.Server{Handler: ahttp.HandlerFunc(testHandlerAsync), MaxHeaderBytes: 1024})
	// One long field, and many short ones.
	for _, big := range []string{
		"X-Big: " + strings.Repeat("a", 4000) + "\r\n",
		strings.Repeat("X-Many: 0123456789\r\n", 200),
	} {
		got := rawExchange(t, base, "GET /hello HTTP/1.1\r\nHost: x\r\n"+big+"\r\n")
		assert.True(t, strings.HasPrefix(got, "HTTP/1.1 431 Request Header Fields Too Large\r\n"), got)
	}
	// net/http's client sees the 431 too.
	req, _ := http.NewRequest("GET", base+"/hello", nil)
	req.Header.Set("X-Big", strings.Repeat("a", 100000))
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	assert.Equal(t, 431, resp.StatusCode)
	readBody(t, resp)
	// And the server goes on.
	resp, err = http.Get(base + "/hello")
	require.NoError(t, err)
	assert.Equal(t, "hello", readBody(t, resp))
}

func TestServerBodyTooLarge(t *testing.T) {
	base := runServer(t, &ahttp.Server{Handler: ahttp.HandlerFunc(testHandlerAsync), MaxBodyBytes: 100})
	got := rawExchange(t, base, "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 101\r\n\r\n"+strings.Repeat("b", 101))
	assert.True(t, strings.HasPrefix(got, "HTTP/1.1 413 "), got)
	got = rawExchange(t, base, "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n64\r\n"+strings.Repeat("b", 100)+"\r\n1\r\nb\r\n0\r\n\r\n")
	assert.True(t, strings.HasPrefix(got, "HTTP/1.1 413 "), got)
	// At the limit it is fine.
	got = rawExchange(t, base, "POST /echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 100\r\n\r\n"+strings.Repeat("b", 100))
	assert.True(t, strings.HasPrefix(got, "HTTP/1.1 200 OK\r\n"), got)
	assert.True(t, strings.HasSuffix(got, "POST [] 100:"+strings.Repeat("b", 100)), got)
}

func TestServerBadRequests(t *testing.T) {
	base := runServer(t, &ahttp.Server{Handler: ahttp.HandlerFunc(testHandlerAsync)})
	got := rawExchange(t, base, "NONSENSE\r\n\r\n")
	assert.True(t, strings.HasPrefix(got, "HTTP/1.1 400 "), got)
	got = rawExchange(t, base, "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
	assert.True(t, strings.HasPrefix(got, "HTTP/1.1 400 "), got)
	// HTTP/1.0 without keep-alive: the server closes after the response.
	got = rawExchange(t, base, "GET /hello HTTP/1.0\r\n\r\n")
	assert.True(t, strings.HasPrefix(got, "HTTP/1.1 200 OK\r\n"), got)
	assert.Contains(t, got, "Connection: close\r\n")
	// HTTP/1.0 streaming: no chunks, the end of the stream ends the body.
	got = rawExchange(t, base, "GET /stream HTTP/1.0\r\n\r\n")
	assert.True(t, strings.HasSuffix(got, "\r\n\r\npart 0;part 1;part 2;"), got)
}

// TestServerHTTP10KeepAlive: an HTTP/1.0 client that asks to keep the
// connection alive is told so and can send a second request on it.
func TestServerHTTP10KeepAlive(t *testing.T) {
	base := runServer(t, &ahttp.Server{Handler: ahttp.HandlerFunc(testHandlerAsync)})
	c, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	require.NoError(t, err)
	defer c.Close()
	br := bufio.NewReader(c)
	for range 2 {
		_, err := io.WriteString(c, "GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
		require.NoError(t, err)
		resp, err := http.ReadResponse(br, nil)
		require.NoError(t, err)
		assert.Equal(t, "keep-alive", resp.Header.Get("Connection"))
		assert.Equal(t, "hello", readBody(t, resp))
	}
}

// TestServerSlowAndVanishingPeers: a client that sends its request a
// byte at a time is served; clients that close mid-header or mid-body
// leave the server serving.
func TestServerSlowAndVanishingPeers(t *testing.T) {
	base := runServer(t, &ahttp.Server{Handler: ahttp.HandlerFunc(testHandlerAsync)})
	addr := strings.TrimPrefix(base, "http://")
	c, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	req := "POST /echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 4\r\n\r\nslow"
	for i := range len(req) {
		_, err := c.Write([]byte{req[i]})
		require.NoError(t, err)
		time.Sleep(200 * time.Microsecond)
	}
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	require.NoError(t, err)
	assert.Equal(t, "POST [] 4:slow", readBody(t, resp))
	c.Close()

	for _, partial := range []string{"GET /hel", "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc"} {
		c, err := net.Dial("tcp", addr)
		require.NoError(t, err)
		io.WriteString(c, partial)
		c.Close()
	}
	resp, err = http.Get(base + "/hello")
	require.NoError(t, err)
	assert.Equal(t, "hello", readBody(t, resp))
}

func TestServerTimeouts(t *testing.T) {
	base := runServer(t, &ahttp.Server{Handler: ahttp.HandlerFunc(testHandlerAsync), ReadTimeout: 50 * time.Millisecond})
	// A client that sends nothing is closed.
	c, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	require.NoError(t, err)
	defer c.Close()
	c.SetReadDeadline(time.Now().Add(10 * time.Second))
	n, err := c.Read(make([]byte, 1))
	assert.Equal(t, 0, n)
	assert.ErrorIs(t, err, io.EOF, "the server closed the idle connection (not our 10 s deadline)")
	// A client that stops in the middle of its body too.
	got := rawExchange(t, base, "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc")
	assert.Equal(t, "", got)
}

// bothSides runs an ahttp server and n concurrent ahttp GETs of path on
// one loop, with one shared client, and returns the bodies and the
// goroutines started meanwhile.
//
// async
func bothSides(n int, path string) ([]string, error) {
	ln, err := anet.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	srv := &ahttp.Server{Handler: ahttp.HandlerFunc(testHandlerAsync)}
	served := rt.Spawn(srv.ServeAsync(ln))
	before := runtime.NumGoroutine()
	cl := &ahttp.Client{MaxIdleConnsPerHost: n}
	jobs := make([]rt.Awaitable[string], n)
	url := "http://" + ln.Addr().String() + path
	for i := range jobs {
		jobs[i] = rt.Spawn(fetchStringAsync(cl, url))
	}
	bodies, err := rt.Await(rt.Gather(jobs...))
	extra := runtime.NumGoroutine() - before
	again, err2 := fetchString(cl, url) // on a pooled connection
	cl.CloseIdleConnections()
	srv.Close()
	rt.Await(served)
	if err == nil {
		err = err2
	}
	return append(bodies, again, fmt.Sprint(extra, " goroutines, ", cl.Dials(), " dials")), err
}

// async
func fetchString(cl *ahttp.Client, url string) (string, error) {
	resp, err := cl.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := resp.Body.ReadAll()
	return string(b), err
}

func TestBothSidesOneLoop(t *testing.T) {
	before := countFDs(t)
	got, err := rt.Run(bothSidesAsync(200, "/sleep"))
	require.NoError(t, err)
	require.Len(t, got, 202)
	for _, b := range got[:201] {
		assert.Equal(t, "slept", b)
	}
	assert.Equal(t, "0 goroutines, 200 dials", got[201])
	assert.Equal(t, before, countFDs(t), "no descriptor leaked")

	got, err = rt.Run(bothSidesAsync(3, "/stream"))
	require.NoError(t, err)
	assert.Equal(t, []string{"part 0;part 1;part 2;", "part 0;part 1;part 2;", "part 0;part 1;part 2;", "part 0;part 1;part 2;", "0 goroutines, 3 dials"}, got)
}

// TestNoFDLeak: a mix of requests through both sides, with failures,
// timeouts and cancellations, leaves no descriptor open once the pool is
// emptied and the server closed.
func TestNoFDLeak(t *testing.T) {
	before := countFDs(t)
	t.Run("traffic", func(t *testing.T) {
		base := runServer(t, &ahttp.Server{Handler: ahttp.HandlerFunc(testHandlerAsync), MaxHeaderBytes: 512})
		cl := &ahttp.Client{}
		urls := []string{base + "/hello", base + "/stream", base + "/fail", base + "/hello"}
		for range 3 {
			_, err := rt.Run(getAllAsync(cl, urls))
			require.NoError(t, err)
			_, err = rt.Run(rt.WaitFor(getAllAsync(cl, []string{base + "/sleep"}), time.Millisecond))
			require.ErrorIs(t, err, rt.ErrTimeout)
		}
		// The pool dropped the connections of the loops that are gone.
		_, err := rt.Run(getAllAsync(cl, urls[:1]))
		require.NoError(t, err)
		assert.Equal(t, 1, cl.IdleConns())
		cl.CloseIdleConnections()
		got := rawExchange(t, base, "GET / HTTP/1.1\r\nX: "+strings.Repeat("a", 1000)+"\r\n\r\n")
		assert.Contains(t, got, " 431 ")
	})
	assert.Equal(t, before, countFDs(t))
}

// countFDs counts the open sockets, epoll instances and eventfds once the
// count is steady (peers may still be closing theirs).
func countFDs(t *testing.T) int {
	count := func() int {
		ents, err := os.ReadDir("/proc/self/fd")
		if err != nil {
			t.Skip("no /proc/self/fd")
		}
		n := 0
		for _, e := range ents {
			l, _ := os.Readlink("/proc/self/fd/" + e.Name())
			if strings.HasPrefix(l, "socket:") || strings.HasPrefix(l, "anon_inode:") {
				n++
			}
		}
		return n
	}
	n := count()
	for range 100 {
		time.Sleep(20 * time.Millisecond)
		m := count()
		if m == n {
			return n
		}
		n = m
	}
	return n
}
