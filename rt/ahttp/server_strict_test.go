//go:build unix

package ahttp_test

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/ahttp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// This file holds the regression tests of issue 11's server items, each
// with the bytes of the review's reproduction.

// responses parses what a server sent on one connection (rawExchange)
// into its responses, 1xx included, and the body of each.
func responses(t *testing.T, raw string) (codes []int, bodies []string) {
	t.Helper()
	br := bufio.NewReader(strings.NewReader(raw))
	for {
		if _, err := br.Peek(1); err != nil {
			return codes, bodies
		}
		resp, err := http.ReadResponse(br, nil)
		require.NoError(t, err, "after %v in %q", codes, raw)
		b, err := io.ReadAll(resp.Body)
		codes, bodies = append(codes, resp.StatusCode), append(bodies, string(b))
		if err != nil {
			bodies[len(bodies)-1] += " (" + err.Error() + ")"
			return codes, bodies
		}
	}
}

// strictServer serves testHandler and a few handlers of this file.
func strictServer(t *testing.T, srv *ahttp.Server) string {
	if srv.Handler == nil {
		srv.Handler = ahttp.HandlerFunc(strictHandlerAsync)
	}
	return runServer(t, srv)
}

// strictHandler answers the paths of testHandler and:
//
//	/cl-overflow   Content-Length: 5, Flush, then 10 bytes
//	/cl-short      Content-Length: 5, Flush, then 3 bytes
//	/cl-unflushed  Content-Length: 5 and 10 bytes, no Flush
//	/te-chunked    Transfer-Encoding: chunked set by the handler
//	/early-hints   103 with a Link, then 200
//	/hints-first   103, Flush, then 200 once the client saw the 103
//	/abort         panics with http.ErrAbortHandler
//	/code-42       WriteHeader(42)
//	/close         Connection: close set by the handler
//
// The first three record Write's error in lastWriteErr.
//
// async
func strictHandler(w *ahttp.ResponseWriter, r *http.Request) error {
	switch r.URL.Path {
	case "/cl-overflow", "/cl-short":
		w.Header().Set("Content-Length", "5")
		if err := w.Flush(); err != nil {
			return err
		}
		n := 10
		if r.URL.Path == "/cl-short" {
			n = 3
		}
		_, err := w.Write([]byte(strings.Repeat("x", n)))
		lastWriteErr.Store(r.URL.Path, err)
	case "/cl-unflushed":
		w.Header().Set("Content-Length", "5")
		_, err := w.Write([]byte("0123456789"))
		lastWriteErr.Store(r.URL.Path, err)
	case "/te-chunked":
		w.Header().Set("Transfer-Encoding", "chunked")
		io.WriteString(w, "chunked by request")
	case "/early-hints":
		w.Header().Set("Link", "</style.css>; rel=preload")
		w.WriteHeader(http.StatusEarlyHints)
		io.WriteString(w, "final")
	case "/hints-first":
		w.Header().Set("Link", "</a.js>; rel=preload")
		w.WriteHeader(http.StatusEarlyHints)
		if err := w.Flush(); err != nil { // the 103 goes out alone
			return err
		}
		body := "the client never saw the 103"
		for range 2000 { // until the client has read the 103
			if hintsSeen.Load() {
				body = "after the hints"
				break
			}
			rt.Sleep(time.Millisecond)
		}
		io.WriteString(w, body)
	case "/abort":
		io.WriteString(w, "never sent")
		panic(http.ErrAbortHandler)
	case "/code-42":
		w.WriteHeader(42)
	case "/close":
		w.Header().Set("Connection", "close")
		io.WriteString(w, "bye")
	default:
		return testHandler(w, r)
	}
	return nil
}

var lastWriteErr sync.Map

var hintsSeen atomic.Bool

// Item 1: a declared length is not an allocation, with a large
// MaxBodyBytes (the review's 70-byte POST) and with the default one (300
// connections that send only a header).
func TestServerHugeContentLength(t *testing.T) {
	base := strictServer(t, &ahttp.Server{MaxBodyBytes: 1 << 62})
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	c, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	require.NoError(t, err)
	io.WriteString(c, "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 50000000000\r\n\r\nsmall")
	c.(*net.TCPConn).CloseWrite()
	b, _ := io.ReadAll(c)
	c.Close()
	got := string(b)
	runtime.ReadMemStats(&after)
	assert.Equal(t, "", got, "the peer hung up mid-body: no response")
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(8<<20), "allocated for a 5-byte body")

	base = strictServer(t, &ahttp.Server{})
	addr := strings.TrimPrefix(base, "http://")
	runtime.GC()
	runtime.ReadMemStats(&before)
	var conns []net.Conn
	for range 300 {
		c, err := net.Dial("tcp", addr)
		require.NoError(t, err)
		defer c.Close()
		_, err = io.WriteString(c, "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 10000000\r\n\r\nsmall")
		require.NoError(t, err)
		conns = append(conns, c)
	}
	time.Sleep(200 * time.Millisecond) // the server reads the 300 headers and waits for the bodies
	runtime.GC()
	runtime.ReadMemStats(&after)
	grown := int64(after.HeapInuse) - int64(before.HeapInuse)
	t.Logf("300 connections waiting for a 10 MB body: heap grew by %.1f MB", float64(grown)/(1<<20))
	assert.Less(t, grown, int64(64<<20))
	got = rawExchange(t, base, "GET /hello HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
	assert.True(t, strings.HasSuffix(got, "hello"), got)
}

// Item 2: a field name net/http rejects is a 400, not a TE.CL desync.
func TestServerSpaceBeforeColon(t *testing.T) {
	base := strictServer(t, &ahttp.Server{})
	got := rawExchange(t, base, "POST /front HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\nTransfer-Encoding : chunked\r\n\r\n26\r\nGET /smuggled HTTP/1.1\r\nHost: a\r\n\r\n\r\n0\r\n\r\n")
	codes, bodies := responses(t, got)
	assert.Equal(t, []int{400}, codes)
	assert.Equal(t, []string{"400 Bad Request: invalid header name\n"}, bodies)
}

// Item 3: the chunked coding is CRLF and hex digits, its trailer is
// checked, and a malformed one is a 400 that closes the connection.
func TestServerStrictChunked(t *testing.T) {
	base := strictServer(t, &ahttp.Server{})
	for _, body := range []string{
		"5\nhello\r\n0\r\n\r\n",                        // bare LF ending a size line
		"5\r\nhello\n0\r\n\r\n",                        // bare LF ending chunk data
		"5\r\r\nhello\r\n0\r\n\r\n",                    // CR CR LF
		"+5\r\nhello\r\n0\r\n\r\n",                     // a sign
		"-0\r\n\r\n",                                   //
		"5;a\rb\r\nhello\r\n0\r\n\r\n",                 // a bare CR in an extension
		"5\r\nhello\r\n0\r\nnot a field\r\n\r\n",       // a malformed trailer
		"5\r\nhello\r\n0\r\nX-T: a\x00b\r\n\r\n",       // a NUL in a trailer value
		"5\r\nhello\r\n0\r\nX-T: 1\r\n folded\r\n\r\n", // obs-fold in a trailer
	} {
		got := rawExchange(t, base, "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"+body+"GET /hello HTTP/1.1\r\nHost: a\r\n\r\n")
		codes, bodies := responses(t, got)
		assert.Equal(t, []int{400}, codes, "%q", body)
		assert.Equal(t, []string{"400 Bad Request: malformed chunked encoding\n"}, bodies, "%q", body)
	}
	// What is well-formed is served, extensions and trailer included.
	got := rawExchange(t, base, "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5;name=\"v\"\r\nhello\r\n0\r\nX-T: 1\r\n\r\nGET /hello HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
	_, bodies := responses(t, got)
	assert.Equal(t, []string{"POST [chunked] 5:hello", "hello"}, bodies)
}

// Item 4: a header block ends where net/http's parser ends it, at an
// empty line after bare LFs too.
func TestServerBareLFHeader(t *testing.T) {
	base := strictServer(t, &ahttp.Server{})
	got := rawExchange(t, base, "GET /first HTTP/1.1\nHost: a\n\nGET /second HTTP/1.1\nHost: a\nConnection: close\n\n")
	codes, _ := responses(t, got)
	assert.Equal(t, []int{404, 404}, codes, "both requests answered")
	got = rawExchange(t, base, "GET /hello HTTP/1.1\nHost: a\nConnection: close\n\n")
	_, bodies := responses(t, got)
	assert.Equal(t, []string{"hello"}, bodies, "an LF-only request is answered")
}

// Item 11: the response is framed as net/http frames it, after Flush too.
func TestServerResponseFraming(t *testing.T) {
	base := strictServer(t, &ahttp.Server{})
	next := "GET /hello HTTP/1.1\r\nHost: a\r\n\r\n"

	// Content-Length 5, Flush, 10 bytes: the write fails, the connection
	// closes after the header, and the next request is not answered.
	for _, path := range []string{"/cl-overflow", "/cl-short", "/cl-unflushed"} {
		got := rawExchange(t, base, "GET "+path+" HTTP/1.1\r\nHost: a\r\n\r\n"+next)
		require.True(t, strings.HasPrefix(got, "HTTP/1.1 200 OK\r\n"), got)
		assert.Contains(t, got, "Content-Length: 5\r\n", path)
		_, body, _ := strings.Cut(got, "\r\n\r\n")
		werr, _ := lastWriteErr.Load(path)
		switch path {
		case "/cl-short":
			assert.Equal(t, "xxx", body, "3 of the 5 bytes, then the server closes")
			assert.Nil(t, werr)
		default:
			assert.Equal(t, "", body, "nothing past the declared length, nor the next response")
			assert.Equal(t, http.ErrContentLength, werr, path)
		}
	}

	// A handler's Transfer-Encoding: chunked is chunked, without a
	// Content-Length.
	got := rawExchange(t, base, "GET /te-chunked HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
	head, body, _ := strings.Cut(got, "\r\n\r\n")
	assert.Contains(t, head, "Transfer-Encoding: chunked")
	assert.NotContains(t, head, "Content-Length")
	assert.Equal(t, "12\r\nchunked by request\r\n0\r\n\r\n", body)

	// 103, then the final response.
	got = rawExchange(t, base, "GET /early-hints HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
	codes, bodies := responses(t, got)
	assert.Equal(t, []int{103, 200}, codes)
	assert.Equal(t, "final", bodies[1])
	assert.True(t, strings.HasPrefix(got, "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\nHTTP/1.1 200 OK\r\n"), got)

	// A Flush after a 103 sends the 103 alone, before the handler's slow
	// work.
	c, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	require.NoError(t, err)
	defer c.Close()
	io.WriteString(c, "GET /hints-first HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
	br := bufio.NewReader(c)
	resp, err := http.ReadResponse(br, nil)
	require.NoError(t, err)
	assert.Equal(t, 103, resp.StatusCode)
	hintsSeen.Store(true)
	resp, err = http.ReadResponse(br, nil)
	require.NoError(t, err)
	assert.Equal(t, "after the hints", readBody(t, resp))

	// An invalid code is a 500 (WriteHeader panics, as net/http's does).
	got = rawExchange(t, base, "GET /code-42 HTTP/1.1\r\nHost: a\r\n\r\n")
	assert.True(t, strings.HasPrefix(got, "HTTP/1.1 500 Internal Server Error\r\n"), got)
	assert.NotContains(t, got, "HTTP/1.1 42")

	// A handler's Connection: close closes.
	got = rawExchange(t, base, "GET /close HTTP/1.1\r\nHost: a\r\n\r\n"+next)
	codes, _ = responses(t, got)
	assert.Equal(t, []int{200}, codes, "the server closed after the response")
}

// Item 11 with net/http's client: the extra bytes are not taken for the
// next response.
func TestServerResponseFramingStdClient(t *testing.T) {
	base := strictServer(t, &ahttp.Server{})
	c := &http.Client{}
	defer c.CloseIdleConnections()
	for _, path := range []string{"/cl-overflow", "/cl-short"} {
		resp, err := c.Get(base + path)
		require.NoError(t, err)
		_, err = io.ReadAll(resp.Body)
		resp.Body.Close()
		assert.ErrorIs(t, err, io.ErrUnexpectedEOF, path)
		resp, err = c.Get(base + "/hello")
		require.NoError(t, err)
		assert.Equal(t, "hello", readBody(t, resp), "after %s", path)
	}
}

// Item 12: chunk extensions and trailers are bounded as net/http bounds
// them: the server answers 400 long before the review's 200 MB.
func TestServerChunkOverheadBounded(t *testing.T) {
	base := strictServer(t, &ahttp.Server{})
	ext := strings.Repeat("1;"+strings.Repeat("e", 4000)+"\r\nx\r\n", 2000)   // 8 MB of extensions for 2 KB of data
	trailer := strings.Repeat("X-T: "+strings.Repeat("t", 100)+"\r\n", 80000) // 8 MB of trailer
	for name, body := range map[string]string{"extensions": ext + "0\r\n\r\n", "trailer": "1\r\nx\r\n0\r\n" + trailer + "\r\n"} {
		start := time.Now()
		got := rawExchange(t, base, "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"+body)
		codes, _ := responses(t, got)
		assert.Equal(t, []int{400}, codes, name)
		t.Logf("%s: answered in %v", name, time.Since(start))
	}
	// One long extension line, past net/http's 4 KB line limit.
	got := rawExchange(t, base, "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1;"+strings.Repeat("e", 5000)+"\r\nx\r\n0\r\n\r\n")
	codes, _ := responses(t, got)
	assert.Equal(t, []int{400}, codes)
}

// Item 13 and 14: Host rules, and the status codes net/http gives, each
// with its reason.
func TestServerRejects(t *testing.T) {
	base := strictServer(t, &ahttp.Server{})
	for _, c := range []struct{ req, want string }{
		{"GET /hello HTTP/1.1\r\n\r\n", "400 Bad Request: missing required Host header"},
		{"GET /hello HTTP/1.1\r\nHost: a b/c\r\n\r\n", "400 Bad Request: malformed Host header"},
		{"GET /hello HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", "400 Bad Request: too many Host headers"},
		{"POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n", "501 Not Implemented: unsupported transfer encoding"},
		{"GET /hello HTTP/2.0\r\nHost: a\r\n\r\n", "505 HTTP Version Not Supported: unsupported protocol version"},
		{"GET /hello HTTP/1.1\r\nHost: a\r\nExpect: foo\r\n\r\n", "417 Expectation Failed"},
		{"GET /hello HTTP/1.1\r\nHost: a\r\nX-A: a\x01b\r\n\r\n", "400 Bad Request: invalid header value"},
		{"GET /hello HTTP/1.1\r\nHost: a\r\nX-A: a\rb\r\n\r\n", "400 Bad Request: bare CR in the header block"},
		{"NONSENSE\r\n\r\n", "400 Bad Request: malformed HTTP request"},
		{"POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "400 Bad Request: both Transfer-Encoding and Content-Length"},
	} {
		got := rawExchange(t, base, c.req+"GET /hello HTTP/1.1\r\nHost: a\r\n\r\n")
		codes, bodies := responses(t, got)
		require.Len(t, codes, 1, "%q: one answer, then the server closes: %q", c.req, got)
		assert.Equal(t, c.want+"\n", bodies[0], "%q", c.req)
		assert.Equal(t, c.want[:3], fmt.Sprint(codes[0]))
		assert.Contains(t, got, "Connection: close\r\n")
	}
	// HTTP/1.0 needs no Host.
	got := rawExchange(t, base, "GET /hello HTTP/1.0\r\n\r\n")
	assert.True(t, strings.HasSuffix(got, "hello"), got)
}

// lockedBuffer is a log destination the server's loop and the test share.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// Item 14: a handler's panic is logged with its stack, as net/http logs
// it; http.ErrAbortHandler is not logged.
func TestServerPanicLogged(t *testing.T) {
	var logged lockedBuffer
	base := strictServer(t, &ahttp.Server{ErrorLog: log.New(&logged, "", 0)})
	got := rawExchange(t, base, "GET /panic HTTP/1.1\r\nHost: a\r\n\r\n")
	assert.True(t, strings.HasPrefix(got, "HTTP/1.1 500 "), got)
	out := logged.String()
	assert.Contains(t, out, "ahttp: panic serving 127.0.0.1:")
	assert.Contains(t, out, ": handler panic\ngoroutine ")
	assert.Contains(t, out, "ahttp_test.(*ag_testHandler).Resume", "the stack reaches the handler's frame")
	assert.Contains(t, out, "\tserver_test.go:"+handlerPanicLine(t)+" ", "at the handler's line that panicked: %s", out)
	assert.NotContains(t, out, "server_async_test.go:", "the user's source, not the generated code")

	// http.ErrAbortHandler: no response, no log.
	before := logged.String()
	got = rawExchange(t, base, "GET /abort HTTP/1.1\r\nHost: a\r\n\r\n")
	assert.Equal(t, "", got, "the connection closed without a response")
	assert.Equal(t, before, logged.String())
}

// handlerPanicLine is the line of testHandler's panic in server_test.go.
func handlerPanicLine(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile("server_test.go")
	require.NoError(t, err)
	for i, l := range strings.Split(string(src), "\n") {
		if strings.TrimSpace(l) == `panic("handler panic")` {
			return strconv.Itoa(i + 1)
		}
	}
	t.Fatal("no panic line in server_test.go")
	return ""
}

// Item 14: running out of descriptors in Accept is logged, and the server
// accepts again once descriptors are free.
func TestServerAcceptEMFILELogged(t *testing.T) {
	var logged lockedBuffer
	base := strictServer(t, &ahttp.Server{ErrorLog: log.New(&logged, "", 0)})
	addr := strings.TrimPrefix(base, "http://")
	var old syscall.Rlimit
	require.NoError(t, syscall.Getrlimit(syscall.RLIMIT_NOFILE, &old))
	// The lowest free descriptor goes to the client's socket, and a limit
	// just past it leaves none for the server's accept.
	f, err := os.Open(os.DevNull)
	require.NoError(t, err)
	lim := old
	lim.Cur = uint64(f.Fd()) + 1
	require.NoError(t, syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim))
	f.Close()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		syscall.Setrlimit(syscall.RLIMIT_NOFILE, &old)
		t.Fatal(err)
	}
	defer c.Close()
	deadline := time.Now().Add(2 * time.Second)
	for !strings.Contains(logged.String(), "ahttp: Accept error") && time.Now().Before(deadline) {
		time.Sleep(2 * time.Millisecond)
	}
	require.NoError(t, syscall.Setrlimit(syscall.RLIMIT_NOFILE, &old))
	assert.Contains(t, logged.String(), "too many open files; retrying in ")
	_, err = io.WriteString(c, "GET /hello HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
	require.NoError(t, err)
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	b, err := io.ReadAll(c)
	require.NoError(t, err)
	assert.True(t, strings.HasSuffix(string(b), "hello"), "served once descriptors are free: %q", b)
}

// Item 14: a request body's Expect other than 100-continue is a 417, and
// 100-continue is not sent to an HTTP/1.0 client.
func TestServerExpect(t *testing.T) {
	base := strictServer(t, &ahttp.Server{})
	got := rawExchange(t, base, "POST /echo HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nok")
	codes, _ := responses(t, got)
	assert.Equal(t, []int{200}, codes)
	got = rawExchange(t, base, "POST /echo HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok")
	codes, _ = responses(t, got)
	assert.Equal(t, []int{100, 200}, codes)
}
