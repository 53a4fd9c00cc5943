//go:build unix

package ahttp_test

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/ahttp"
	"github.com/asyncgen/asyncgen/rt/anet"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// bodyServer records what net/http's server makes of each request body:
// its framing and its bytes (a digest and a length; the bytes themselves
// when short).
type bodyServer struct {
	mu  sync.Mutex
	log []string
}

func (s *bodyServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/413": // answers at once, reading nothing
		http.Error(w, "too large", http.StatusRequestEntityTooLarge)
		return
	case "/307", "/308":
		code := map[string]int{"/307": 307, "/308": 308}[r.URL.Path]
		http.Redirect(w, r, "/final", code)
	case "/source": // a chunked body for a request to stream on
		w.Header().Set("Content-Type", "application/octet-stream")
		io.Copy(w, io.LimitReader(newPattern(), 3<<20+17))
		return
	}
	h := sha256.New()
	n, err := io.Copy(h, r.Body)
	line := fmt.Sprintf("%s %s cl=%d te=%v n=%d sha=%x err=%v",
		r.Method, r.URL.Path, r.ContentLength, r.TransferEncoding, n, h.Sum(nil)[:8], err)
	s.mu.Lock()
	s.log = append(s.log, line)
	s.mu.Unlock()
	if r.URL.Path != "/307" && r.URL.Path != "/308" {
		fmt.Fprintf(w, "got %d", n)
	}
}

func (s *bodyServer) take() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	l := s.log
	s.log = nil
	return l
}

// pattern is an endless deterministic byte stream that holds no memory.
type pattern struct{ x uint64 }

func newPattern() *pattern { return &pattern{x: 0x9e3779b97f4a7c15} }

func (p *pattern) Read(b []byte) (int, error) {
	for i := range b {
		p.x ^= p.x << 13
		p.x ^= p.x >> 7
		p.x ^= p.x << 17
		b[i] = byte(p.x)
	}
	return len(b), nil
}

// countingReader counts what is read from r (atomically: net/http's
// client may still be in its last Read of a body when Do returns).
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.n.Add(int64(n))
	return n, err
}

// bodyOutcome is what a client got for a request.
type bodyOutcome struct {
	Status int
	Body   string
	Err    string
}

func doStd(req *http.Request) bodyOutcome {
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return bodyOutcome{Err: err.Error()}
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return bodyOutcome{resp.StatusCode, string(b), ""}
}

// doAhttp sends req with cl and reads the whole response.
//
// async
func doAhttp(cl *ahttp.Client, req *http.Request) (bodyOutcome, error) {
	resp, err := cl.Do(req)
	if err != nil {
		return bodyOutcome{Err: err.Error()}, err
	}
	defer resp.Body.Close()
	b, err := resp.Body.ReadAll()
	if err != nil {
		return bodyOutcome{}, err
	}
	return bodyOutcome{resp.StatusCode, string(b), ""}, nil
}

// TestRequestBodyLikeNetHTTP sends the same requests with net/http's
// client and ahttp's to net/http's server, which must see the same
// framing and the same bytes.
func TestRequestBodyLikeNetHTTP(t *testing.T) {
	s := &bodyServer{}
	srv := httptest.NewServer(s)
	defer srv.Close()
	data := make([]byte, 200_001)
	newPattern().Read(data)
	cases := []struct {
		name string
		make func() *http.Request
	}{
		{"known length", func() *http.Request {
			req, _ := http.NewRequest("POST", srv.URL+"/known", bytes.NewReader(data))
			return req
		}},
		{"unknown length, chunked", func() *http.Request {
			req, _ := http.NewRequest("PUT", srv.URL+"/unknown", io.NopCloser(io.LimitReader(newPattern(), 1<<20+3)))
			return req
		}},
		{"short unknown length", func() *http.Request {
			req, _ := http.NewRequest("POST", srv.URL+"/short", io.NopCloser(strings.NewReader("hello")))
			return req
		}},
		{"empty body", func() *http.Request {
			req, _ := http.NewRequest("POST", srv.URL+"/empty", http.NoBody)
			return req
		}},
		{"ContentLength set by hand", func() *http.Request {
			req, _ := http.NewRequest("POST", srv.URL+"/byhand", io.NopCloser(bytes.NewReader(data[:70_000])))
			req.ContentLength = 70_000
			return req
		}},
		{"307 with GetBody", func() *http.Request {
			req, _ := http.NewRequest("POST", srv.URL+"/307", bytes.NewReader(data[:5000]))
			return req
		}},
		{"308 with GetBody", func() *http.Request {
			req, _ := http.NewRequest("PUT", srv.URL+"/308", strings.NewReader("again"))
			return req
		}},
		{"307 without GetBody", func() *http.Request {
			req, _ := http.NewRequest("POST", srv.URL+"/307", io.NopCloser(strings.NewReader("once")))
			return req
		}},
	}
	cl := &ahttp.Client{}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			want := doStd(tc.make())
			wantLog := s.take()
			got, err := rt.Run(doAhttpAsync(cl, tc.make()))
			require.NoError(t, err)
			gotLog := s.take()
			assert.Equal(t, want, got)
			assert.Equal(t, wantLog, gotLog)
			assert.NotEmpty(t, gotLog)
		})
	}
}

// TestRequestBodyStreamed sends 64 MiB, known length and chunked, while
// the process allocates far less than the body: it is not held in memory.
func TestRequestBodyStreamed(t *testing.T) {
	s := &bodyServer{}
	srv := httptest.NewServer(s)
	defer srv.Close()
	const size = 64 << 20
	for _, known := range []bool{true, false} {
		t.Run(fmt.Sprintf("known=%v", known), func(t *testing.T) {
			mk := func() *http.Request {
				req, _ := http.NewRequest("POST", srv.URL+"/big", io.NopCloser(io.LimitReader(newPattern(), size)))
				if known {
					req.ContentLength = size
				}
				return req
			}
			doStd(mk())
			wantLog := s.take()
			cl := &ahttp.Client{}
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			got, err := rt.Run(doAhttpAsync(cl, mk()))
			runtime.ReadMemStats(&after)
			require.NoError(t, err)
			assert.Equal(t, bodyOutcome{200, fmt.Sprint("got ", size), ""}, got)
			assert.Equal(t, wantLog, s.take())
			// Both ends run here (net/http's server reads the body too):
			// what they allocate in all must stay far below the body.
			alloc := after.TotalAlloc - before.TotalAlloc
			t.Logf("allocated %d KiB while sending %d MiB", alloc>>10, size>>20)
			assert.Less(t, alloc, uint64(size/8))
		})
	}
}

// TestRequestBodyAsyncReader streams a response body into a request's
// (a proxy's hop): the request body is an *ahttp.Body, read by awaiting.
func TestRequestBodyAsyncReader(t *testing.T) {
	s := &bodyServer{}
	srv := httptest.NewServer(s)
	defer srv.Close()
	req, _ := http.NewRequest("POST", srv.URL+"/relay", io.NopCloser(io.LimitReader(newPattern(), 3<<20+17)))
	doStd(req)
	want := s.take()
	got, err := rt.Run(relayAsync(&ahttp.Client{}, srv.URL))
	require.NoError(t, err)
	assert.Equal(t, fmt.Sprint("got ", 3<<20+17), got.Body)
	// Same bytes, same length; the framing is chunked for both, since
	// /source's response has no Content-Length.
	assert.Equal(t, want, s.take())
}

// relay GETs /source and POSTs its body, as it arrives, to /relay.
//
// async
func relay(cl *ahttp.Client, base string) (bodyOutcome, error) {
	src, err := cl.Get(base + "/source")
	if err != nil {
		return bodyOutcome{}, err
	}
	req, _ := http.NewRequest("POST", base+"/relay", nil)
	req.Body = src.Body
	req.ContentLength = src.ContentLength // -1: unknown, chunked
	return doAhttp(cl, req)
}

var errBoom = errors.New("boom")

// failingReader gives n bytes, then fails.
type failingReader struct{ n int }

func (f *failingReader) Read(b []byte) (int, error) {
	if f.n == 0 {
		return 0, errBoom
	}
	k := min(len(b), f.n)
	f.n -= k
	for i := range b[:k] {
		b[i] = byte(f.n + i)
	}
	return k, nil
}

// TestRequestBodyReadError: an error reading the body fails the request
// with that error, as with net/http, and the server sees a body cut
// short, not a complete one.
func TestRequestBodyReadError(t *testing.T) {
	s := &bodyServer{}
	srv := httptest.NewServer(s)
	defer srv.Close()
	for _, known := range []bool{true, false} {
		t.Run(fmt.Sprintf("known=%v", known), func(t *testing.T) {
			mk := func() *http.Request {
				req, _ := http.NewRequest("POST", srv.URL+"/fail", io.NopCloser(&failingReader{n: 100_000}))
				if known {
					req.ContentLength = 1 << 20
				}
				return req
			}
			_, stdErr := http.DefaultClient.Do(mk())
			require.ErrorIs(t, stdErr, errBoom)
			_, err := rt.Run(doAhttpAsync(&ahttp.Client{}, mk()))
			require.ErrorIs(t, err, errBoom)
			// Both clients closed their connection: the server's handler
			// sees each body end short.
			var log []string
			require.Eventually(t, func() bool {
				log = append(log, s.take()...)
				return len(log) == 2
			}, 10*time.Second, 10*time.Millisecond)
			assert.Equal(t, log[0], log[1])
			assert.Contains(t, log[1], "n=100000 ")
			assert.Contains(t, log[1], "err=unexpected EOF")
		})
	}
}

// TestRequestBodyEarlyAnswer: a server that answers 413 without reading
// the body gets its answer through, and the client stops sending (it
// reads far less than the 64 MiB it was given).
func TestRequestBodyEarlyAnswer(t *testing.T) {
	srv := httptest.NewServer(&bodyServer{})
	defer srv.Close()
	tsrv := httptest.NewTLSServer(&bodyServer{})
	defer tsrv.Close()
	const size = 64 << 20
	for _, tc := range []struct {
		known, tls bool
	}{{true, false}, {false, false}, {true, true}} {
		known := tc.known
		t.Run(fmt.Sprintf("known=%v,tls=%v", tc.known, tc.tls), func(t *testing.T) {
			srv, cl := srv, &ahttp.Client{}
			if tc.tls {
				srv, cl = tsrv, &ahttp.Client{TLSClientConfig: tlsClientConfig(tsrv)}
			}
			cr := &countingReader{r: io.LimitReader(newPattern(), size)}
			req, _ := http.NewRequest("POST", srv.URL+"/413", io.NopCloser(cr))
			if known {
				req.ContentLength = size
			}
			got, err := rt.Run(doAhttpAsync(cl, req))
			require.NoError(t, err)
			assert.Equal(t, http.StatusRequestEntityTooLarge, got.Status)
			assert.Equal(t, "too large\n", got.Body)
			t.Logf("read %d KiB of the body", cr.n.Load()>>10)
			assert.Less(t, cr.n.Load(), int64(size/4))
		})
	}
}

// sendSilentSource POSTs to url a body read from a connection to silent,
// whose peer never writes, with a Client Timeout.
//
// async
func sendSilentSource(url, silent string) error {
	c, err := anet.Dial("tcp", silent)
	if err != nil {
		return err
	}
	defer c.Close()
	req, _ := http.NewRequest("POST", url, nil)
	req.Body = c
	cl := &ahttp.Client{Timeout: 200 * time.Millisecond}
	_, err = rt.Await(rt.WaitFor(cl.DoAsync(req), 20*time.Second)) // the bound of the test, not of the client
	return err
}

// TestRequestBodyTimeout: the Client's Timeout also ends a wait for an
// AsyncReader body that gives nothing.
func TestRequestBodyTimeout(t *testing.T) {
	srv := httptest.NewServer(&bodyServer{})
	defer srv.Close()
	silent, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer silent.Close()
	go func() {
		for {
			c, err := silent.Accept()
			if err != nil {
				return
			}
			defer c.Close() // held open, never written to
		}
	}()
	_, err = rt.Run(sendSilentSourceAsync(srv.URL+"/slow", silent.Addr().String()))
	require.Error(t, err)
	assert.NotErrorIs(t, err, rt.ErrTimeout, "the client's Timeout did not end the body's read")
	assert.ErrorIs(t, err, os.ErrDeadlineExceeded)
}

// TestRequestBodyLengthMismatch: a body shorter or longer than its
// ContentLength fails the request, as with net/http, and the server
// sees the same bytes.
func TestRequestBodyLengthMismatch(t *testing.T) {
	s := &bodyServer{}
	srv := httptest.NewServer(s)
	defer srv.Close()
	for _, tc := range []struct {
		name      string
		body, len int
	}{{"shorter", 1000, 5000}, {"longer", 5000, 1000}, {"longer by a chunk", 100_000, 40_000}} {
		t.Run(tc.name, func(t *testing.T) {
			mk := func() *http.Request {
				req, _ := http.NewRequest("POST", srv.URL+"/mismatch", io.NopCloser(io.LimitReader(newPattern(), int64(tc.body))))
				req.ContentLength = int64(tc.len)
				return req
			}
			want := doStd(mk())
			_, err := rt.Run(doAhttpAsync(&ahttp.Client{}, mk()))
			t.Logf("net/http: %+v; ahttp: %v", want, err)
			// ahttp always fails. net/http does for a short body; for a
			// long one it races the server's answer (sent once the
			// declared length has arrived) against the error, and
			// returns either.
			msg := fmt.Sprintf("http: ContentLength=%d with Body length %d", tc.len, tc.body)
			require.Error(t, err)
			assert.Contains(t, err.Error(), msg)
			if tc.body < tc.len {
				assert.Contains(t, want.Err, msg)
			} else if want.Err != "" {
				assert.Contains(t, want.Err, msg)
			}
			var log []string
			require.Eventually(t, func() bool {
				log = append(log, s.take()...)
				return len(log) == 2
			}, 10*time.Second, 10*time.Millisecond)
			assert.Equal(t, log[0], log[1])
		})
	}
}

// TestRequestBodyOverTLS streams bodies over TLS 1.3, where the server's
// session tickets arrive after the handshake: bytes to read that are no
// answer, which must not stop the upload.
func TestRequestBodyOverTLS(t *testing.T) {
	s := &bodyServer{}
	srv := httptest.NewTLSServer(s)
	defer srv.Close()
	std := &http.Client{Transport: &http.Transport{TLSClientConfig: tlsClientConfig(srv)}}
	cl := &ahttp.Client{TLSClientConfig: tlsClientConfig(srv)}
	for _, known := range []bool{true, false} {
		t.Run(fmt.Sprintf("known=%v", known), func(t *testing.T) {
			mk := func() *http.Request {
				req, _ := http.NewRequest("POST", srv.URL+"/tls", io.NopCloser(io.LimitReader(newPattern(), 3<<20+1)))
				if known {
					req.ContentLength = 3<<20 + 1
				}
				return req
			}
			resp, err := std.Do(mk())
			require.NoError(t, err)
			resp.Body.Close()
			want := s.take()
			got, err := rt.Run(doAhttpAsync(cl, mk()))
			require.NoError(t, err)
			assert.Equal(t, bodyOutcome{200, fmt.Sprint("got ", 3<<20+1), ""}, got)
			assert.Equal(t, want, s.take())
		})
	}
}
