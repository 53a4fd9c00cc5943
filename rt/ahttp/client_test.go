//go:build unix

package ahttp_test

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/ahttp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// newStdServer starts a net/http test server on loopback.
func newStdServer(h http.Handler) *httptest.Server { return httptest.NewServer(h) }

// stdServer is a net/http test server that counts the connections it
// accepted.
func stdServer(t *testing.T, h http.HandlerFunc) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var conns atomic.Int32
	srv := httptest.NewUnstartedServer(h)
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	t.Cleanup(srv.Close)
	return srv, &conns
}

type fetched struct {
	Status int
	Header http.Header
	Body   string
	Chunk  bool // the body came chunked
}

// getAll GETs each URL in turn with cl and reads every body.
//
// async
func getAll(cl *ahttp.Client, urls []string) ([]fetched, error) {
	var out []fetched
	for _, u := range urls {
		resp, err := cl.Get(u)
		if err != nil {
			return out, err
		}
		body, err := resp.Body.ReadAll()
		resp.Body.Close()
		if err != nil {
			return out, err
		}
		out = append(out, fetched{resp.StatusCode, resp.Header, string(body), len(resp.TransferEncoding) > 0})
	}
	return out, nil
}

func TestClientStdServerKeepAlive(t *testing.T) {
	srv, conns := stdServer(t, func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "hello %s", r.URL.Path)
	})
	cl := &ahttp.Client{}
	defer cl.CloseIdleConnections()
	urls := []string{srv.URL + "/a", srv.URL + "/b", srv.URL + "/c"}
	got, err := rt.Run(getAllAsync(cl, urls))
	require.NoError(t, err)
	require.Len(t, got, 3)
	for i, p := range []string{"/a", "/b", "/c"} {
		assert.Equal(t, 200, got[i].Status)
		assert.Equal(t, "hello "+p, got[i].Body)
		assert.False(t, got[i].Chunk)
	}
	assert.Equal(t, int32(1), conns.Load(), "three requests, one connection")
	assert.Equal(t, 1, cl.Dials())
	assert.Equal(t, 1, cl.IdleConns())
}

func TestClientChunkedResponse(t *testing.T) {
	parts := []string{"first ", "second ", strings.Repeat("x", 100000)}
	srv, _ := stdServer(t, func(w http.ResponseWriter, r *http.Request) {
		for _, p := range parts {
			io.WriteString(w, p)
			w.(http.Flusher).Flush()
			time.Sleep(5 * time.Millisecond)
		}
	})
	cl := &ahttp.Client{}
	defer cl.CloseIdleConnections()
	got, err := rt.Run(getAllAsync(cl, []string{srv.URL, srv.URL}))
	require.NoError(t, err)
	for _, f := range got {
		assert.True(t, f.Chunk)
		assert.Equal(t, strings.Join(parts, ""), f.Body)
	}
	assert.Equal(t, 1, cl.Dials(), "a chunked body read to its end frees its connection")
}

// post sends body to url with the given content length (-1: unknown).
//
// async
func post(url, body string, chunked bool) (fetched, error) {
	req, err := http.NewRequest("POST", url, strings.NewReader(body))
	if err != nil {
		return fetched{}, err
	}
	if chunked {
		req.ContentLength = -1
		req.TransferEncoding = []string{"chunked"}
	}
	cl := &ahttp.Client{MaxIdleConnsPerHost: -1}
	resp, err := cl.Do(req)
	if err != nil {
		return fetched{}, err
	}
	defer resp.Body.Close()
	b, err := resp.Body.ReadAll()
	return fetched{resp.StatusCode, resp.Header, string(b), false}, err
}

func TestClientPost(t *testing.T) {
	srv, _ := stdServer(t, func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		fmt.Fprintf(w, "%s %v %d %s", r.Method, r.TransferEncoding, len(b), b[:5])
	})
	for _, chunked := range []bool{false, true} {
		got, err := rt.Run(postAsync(srv.URL, "hello world", chunked))
		require.NoError(t, err)
		if chunked {
			assert.Equal(t, "POST [chunked] 11 hello", got.Body)
		} else {
			assert.Equal(t, "POST [] 11 hello", got.Body)
		}
	}
}

// rawServer accepts connections and runs handle on each (plain Go peer).
func rawServer(t *testing.T, handle func(net.Conn)) (string, *atomic.Int32) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { ln.Close() })
	var n atomic.Int32
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			n.Add(1)
			go func() {
				defer c.Close()
				handle(c)
			}()
		}
	}()
	return "http://" + ln.Addr().String(), &n
}

// readRequestHead reads a request's header block off c.
func readRequestHead(c net.Conn) string {
	var b strings.Builder
	buf := make([]byte, 1)
	for !strings.HasSuffix(b.String(), "\r\n\r\n") {
		if _, err := c.Read(buf); err != nil {
			return b.String()
		}
		b.Write(buf)
	}
	return b.String()
}

func TestClientSlowServer(t *testing.T) {
	// The response dribbles in a byte at a time, chunked.
	resp := "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-A: 1\r\n\r\n5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\nTrailer: x\r\n\r\n"
	url, _ := rawServer(t, func(c net.Conn) {
		readRequestHead(c)
		for i := range len(resp) {
			c.Write([]byte{resp[i]})
			time.Sleep(100 * time.Microsecond)
		}
		readRequestHead(c)
	})
	got, err := rt.Run(getAllAsync(&ahttp.Client{}, []string{url}))
	require.NoError(t, err)
	assert.Equal(t, "hello, world", got[0].Body)
	assert.Equal(t, "1", got[0].Header.Get("X-A"))
}

func TestClientPeerClosesMidBody(t *testing.T) {
	url, _ := rawServer(t, func(c net.Conn) {
		readRequestHead(c)
		io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten..")
	})
	_, err := rt.Run(getAllAsync(&ahttp.Client{}, []string{url}))
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)

	url, _ = rawServer(t, func(c net.Conn) {
		readRequestHead(c)
		io.WriteString(c, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel")
	})
	_, err = rt.Run(getAllAsync(&ahttp.Client{}, []string{url}))
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)

	url, _ = rawServer(t, func(c net.Conn) {
		readRequestHead(c)
		io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Le")
	})
	_, err = rt.Run(getAllAsync(&ahttp.Client{}, []string{url}))
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)

	url, _ = rawServer(t, func(c net.Conn) {
		readRequestHead(c)
		io.WriteString(c, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
	})
	_, err = rt.Run(getAllAsync(&ahttp.Client{}, []string{url}))
	assert.ErrorContains(t, err, "malformed chunked encoding")
}

// TestClientRetriesStaleConnection: the server closes a kept-alive
// connection while it is idle; the next GET finds it dead before reading
// anything and is sent again on a new connection.
func TestClientRetriesStaleConnection(t *testing.T) {
	url, conns := rawServer(t, func(c net.Conn) {
		readRequestHead(c)
		io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
	})
	cl := &ahttp.Client{}
	defer cl.CloseIdleConnections()
	got, err := rt.Run(getAllAsync(cl, []string{url, url, url}))
	require.NoError(t, err)
	require.Len(t, got, 3)
	assert.Equal(t, "ok", got[2].Body)
	assert.Equal(t, int32(3), conns.Load())
}

func TestClientTimeout(t *testing.T) {
	release := make(chan struct{})
	srv, _ := stdServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/body" {
			w.Header().Set("Content-Length", "10")
			io.WriteString(w, "12345")
			w.(http.Flusher).Flush()
		}
		<-release
	})
	before := countFDs(t)

	// Client.Timeout covers the header...
	_, err := rt.Run(getAllAsync(&ahttp.Client{Timeout: 50 * time.Millisecond}, []string{srv.URL}))
	require.Error(t, err)
	assert.ErrorIs(t, err, os.ErrDeadlineExceeded)
	var ne net.Error
	require.ErrorAs(t, err, &ne)
	assert.True(t, ne.Timeout())
	// ...and the body.
	_, err = rt.Run(getAllAsync(&ahttp.Client{Timeout: 50 * time.Millisecond}, []string{srv.URL + "/body"}))
	assert.ErrorIs(t, err, os.ErrDeadlineExceeded)

	// rt.WaitFor cancels the call, which closes its connection.
	_, err = rt.Run(rt.WaitFor(getAllAsync(&ahttp.Client{}, []string{srv.URL}), 50*time.Millisecond))
	assert.ErrorIs(t, err, rt.ErrTimeout)
	close(release) // the server's side of each connection then sees it closed
	assert.Equal(t, before, countFDs(t))
}

func TestClientErrors(t *testing.T) {
	_, err := rt.Run(ahttp.GetAsync("ftp://example.com/"))
	assert.ErrorContains(t, err, "only http and https")
	_, err = rt.Run((&ahttp.Client{}).GetAsync("http://[::1/"))
	assert.ErrorContains(t, err, "missing ']' in host")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	ln.Close()
	_, err = rt.Run(ahttp.GetAsync("http://" + addr + "/"))
	var ue interface{ Unwrap() error }
	assert.ErrorAs(t, err, &ue)
	assert.ErrorContains(t, err, "connection refused")
}

// TestResponseHeaderTooLarge: a response header past the client's limit
// fails the request.
func TestResponseHeaderTooLarge(t *testing.T) {
	url, _ := rawServer(t, func(c net.Conn) {
		readRequestHead(c)
		io.WriteString(c, "HTTP/1.1 200 OK\r\nX-Big: "+strings.Repeat("b", 5000)+"\r\nContent-Length: 0\r\n\r\n")
	})
	_, err := rt.Run(getAllAsync(&ahttp.Client{MaxResponseHeaderBytes: 1024}, []string{url}))
	assert.True(t, errors.Is(err, ahttp.ErrHeaderTooLarge), "%v", err)
}

// TestNaturalGet: called from ordinary code, Get and the body's reads
// block the calling goroutine (anet's natural calls) and work.
func TestNaturalGet(t *testing.T) {
	srv, _ := stdServer(t, func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "plain call")
	})
	cl := &ahttp.Client{}
	resp, err := cl.Get(srv.URL)
	require.NoError(t, err)
	body, err := resp.Body.ReadAll()
	require.NoError(t, err)
	assert.Equal(t, "plain call", string(body))
	assert.Equal(t, 0, cl.IdleConns(), "outside a loop nothing is pooled")
	b, err := io.ReadAll(resp.Response.Body) // the embedded response's Body is the same, at its end
	assert.NoError(t, err)
	assert.Empty(t, b)
}
