//go:build unix

package ahttp_test

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/ahttp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// This file tests the client's pool: loops sharing a Client, the
// per-host limits, and what is retried.

// getPaced GETs url n times, sleeping pause between requests, so that an
// IdleConnTimeout shorter than pause prunes between them.
//
// async
func getPaced(cl *ahttp.Client, url string, n int, pause time.Duration) error {
	for range n {
		resp, err := cl.Get(url)
		if err != nil {
			return err
		}
		body, err := resp.Body.ReadAll()
		if err != nil {
			return err
		}
		if string(body) != "ok" {
			return fmt.Errorf("body %q", body)
		}
		rt.Sleep(pause)
	}
	return nil
}

// getDefault GETs url n times with DefaultClient.
//
// async
func getDefault(url string, n int) error {
	for range n {
		resp, err := ahttp.Get(url)
		if err != nil {
			return err
		}
		if _, err := resp.Body.ReadAll(); err != nil {
			return err
		}
		rt.Sleep(time.Millisecond)
	}
	return nil
}

// TestClientSharedByLoops: two loops, each run by rt.Run on a goroutine of
// its own, share a Client whose idle connections expire after 10ms, and
// DefaultClient. Each loop prunes only its own connections; go test -race
// checks that no loop touches the other's.
func TestClientSharedByLoops(t *testing.T) {
	srv, _ := stdServer(t, func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") })
	cl := &ahttp.Client{IdleConnTimeout: 10 * time.Millisecond}
	defer cl.CloseIdleConnections()
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range 2 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			_, errs[i] = rt.Run(getPacedAsync(cl, srv.URL, 20, 12*time.Millisecond))
		}()
		go func() {
			defer wg.Done()
			_, errs[2+i] = rt.Run(getDefaultAsync(srv.URL, 20))
		}()
	}
	wg.Wait()
	for _, err := range errs {
		require.NoError(t, err)
	}
	assert.GreaterOrEqual(t, cl.Dials(), 20, "every request found its idle connection expired")
	ahttp.DefaultClient.CloseIdleConnections()
}

// concurrencyServer answers after delay and records the most requests it
// held at once and the order of their paths.
type concurrencyServer struct {
	mu        sync.Mutex
	now, most int
	order     []string
}

func (s *concurrencyServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.now++
	s.most = max(s.most, s.now)
	s.order = append(s.order, r.URL.Path)
	s.mu.Unlock()
	time.Sleep(5 * time.Millisecond)
	s.mu.Lock()
	s.now--
	s.mu.Unlock()
	io.WriteString(w, "ok"+r.URL.Path)
}

// getMany GETs base+"/<i>" for i < n, each on a task of its own, spawned in
// order, and returns the bodies.
//
// async
func getMany(cl *ahttp.Client, base string, n int) ([]string, error) {
	jobs := make([]rt.Awaitable[string], n)
	for i := range jobs {
		jobs[i] = rt.Spawn(getStringAsync(cl, fmt.Sprintf("%s/%d", base, i)))
	}
	return rt.Await(rt.Gather(jobs...))
}

func TestClientMaxConnsPerHost(t *testing.T) {
	cs := &concurrencyServer{}
	srv, conns := stdServer(t, cs.ServeHTTP)
	cl := &ahttp.Client{MaxConnsPerHost: 4, MaxIdleConnsPerHost: 1}
	defer cl.CloseIdleConnections()
	got, err := rt.Run(getManyAsync(cl, srv.URL, 40))
	require.NoError(t, err)
	for i, b := range got {
		assert.Equal(t, fmt.Sprintf("ok/%d", i), b)
	}
	cs.mu.Lock()
	assert.Equal(t, 4, cs.most, "at most MaxConnsPerHost requests at once")
	cs.order = nil
	cs.mu.Unlock()
	assert.Equal(t, 4, cl.Dials(), "waiting requests take over the connections, past MaxIdleConnsPerHost")
	assert.Equal(t, int32(4), conns.Load())
	assert.Equal(t, 1, cl.IdleConns(), "with nobody waiting, MaxIdleConnsPerHost holds")

	// One connection: the requests go out in the order they were made.
	cl1 := &ahttp.Client{MaxConnsPerHost: 1}
	defer cl1.CloseIdleConnections()
	_, err = rt.Run(getManyAsync(cl1, srv.URL, 10))
	require.NoError(t, err)
	cs.mu.Lock()
	assert.Equal(t, []string{"/0", "/1", "/2", "/3", "/4", "/5", "/6", "/7", "/8", "/9"}, cs.order)
	cs.mu.Unlock()
	assert.Equal(t, 1, cl1.Dials())
}

// waitCancelled holds the only connection with a request the server keeps
// waiting, makes a second request wait for it and times that one out, then
// lets the first end and makes a third: the slot of the cancelled waiter
// is not lost. With timed (whose Timeout is short) a response whose body
// is not read holds the slot; a request waiting for it fails at Timeout,
// and closing the body frees the slot.
//
// async
func waitCancelled(cl, timed *ahttp.Client, url string, release chan struct{}) ([]string, error) {
	var out []string
	first := rt.Spawn(getStringAsync(cl, url+"/hold"))
	rt.Sleep(10 * time.Millisecond) // first holds the slot
	_, err := rt.Await(rt.WaitFor(getStringAsync(cl, url+"/second"), 20*time.Millisecond))
	out = append(out, fmt.Sprint(err))

	held, err := timed.Get(url + "/partial") // holds the slot until its body is read or closed
	if err != nil {
		return out, err
	}
	_, err = timed.Get(url + "/third")
	out = append(out, fmt.Sprint(err))
	held.Body.Close()
	if _, err = getString(timed, url+"/fifth"); err != nil {
		return out, err
	}

	close(release)
	b, err := rt.Await(first)
	if err != nil {
		return out, err
	}
	out = append(out, b)
	b, err = getString(cl, url+"/fourth")
	return append(out, b), err
}

func TestClientWaitForConnCancellable(t *testing.T) {
	release := make(chan struct{})
	srv, _ := stdServer(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/hold":
			<-release
		case "/partial":
			w.Header().Set("Content-Length", "10")
			io.WriteString(w, "12345")
			w.(http.Flusher).Flush()
			<-release
			return
		}
		io.WriteString(w, "ok"+r.URL.Path)
	})
	cl := &ahttp.Client{MaxConnsPerHost: 1}
	// timed's exchanges that must succeed (/partial's header, /fifth) do
	// within Timeout even on a loaded machine; /third's wait fails at it.
	timed := &ahttp.Client{MaxConnsPerHost: 1, Timeout: time.Second}
	defer cl.CloseIdleConnections()
	got, err := rt.Run(waitCancelledAsync(cl, timed, srv.URL, release))
	require.NoError(t, err)
	require.Len(t, got, 4)
	assert.Equal(t, rt.ErrTimeout.Error(), got[0])
	assert.Contains(t, got[1], "waiting for a connection")
	assert.Contains(t, got[1], "i/o timeout")
	assert.Equal(t, []string{"ok/hold", "ok/fourth"}, got[2:])
	assert.Equal(t, 1, cl.Dials(), "the fourth request reused the first's connection")
}

// closeAfterSecond is a server whose first connection answers its first
// request and then, after reading a second request (header and body),
// closes without an answer; later connections answer everything. It
// counts the requests of each method it read in full.
type closeAfterSecond struct {
	conns atomic.Int32
	mu    sync.Mutex
	seen  map[string]int
}

func (s *closeAfterSecond) handle(c net.Conn) {
	first := s.conns.Add(1) == 1
	for i := 0; ; i++ {
		head := readRequestHead(c)
		if head == "" {
			return
		}
		method, _, _ := strings.Cut(head, " ")
		var n int
		fmt.Sscanf(headerValue(head, "Content-Length"), "%d", &n)
		io.ReadFull(c, make([]byte, n))
		s.mu.Lock()
		s.seen[method]++
		s.mu.Unlock()
		if first && i == 1 {
			return // read, then hang up: the client cannot tell whether it was applied
		}
		io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
	}
}

func headerValue(head, name string) string {
	for _, line := range strings.Split(head, "\r\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.EqualFold(k, name) {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// getThen GETs url, then sends second on the kept-alive connection.
//
// async
func getThen(cl *ahttp.Client, url string, second *http.Request) (string, error) {
	if _, err := getString(cl, url); err != nil {
		return "", err
	}
	resp, err := cl.Do(second)
	if err != nil {
		return "", err
	}
	b, err := resp.Body.ReadAll()
	return string(b), err
}

// TestClientRetriesOnlyIdempotent: a request lost by a server that closes
// a reused connection after reading it is sent again only when net/http
// would: a POST is not (the server saw it once, the caller gets the
// error), a GET, a PUT with an Idempotency-Key, are.
func TestClientRetriesOnlyIdempotent(t *testing.T) {
	for _, tc := range []struct {
		method, key string
		retried     bool
	}{
		{"POST", "", false},
		{"PATCH", "", false},
		{"GET", "", true},
		{"DELETE", "", false}, // idempotent in RFC 9110, but net/http does not replay it
		{"PUT", "Idempotency-Key", true},
		{"POST", "X-Idempotency-Key", true},
	} {
		t.Run(tc.method+tc.key, func(t *testing.T) {
			s := &closeAfterSecond{seen: map[string]int{}}
			url, _ := rawServer(t, s.handle)
			req, err := http.NewRequest(tc.method, url+"/x", strings.NewReader("payload"))
			require.NoError(t, err)
			if tc.key != "" {
				req.Header.Set(tc.key, "k1")
			}
			cl := &ahttp.Client{}
			defer cl.CloseIdleConnections()
			got, err := rt.Run(getThenAsync(cl, url, req))
			s.mu.Lock()
			defer s.mu.Unlock()
			if tc.retried {
				require.NoError(t, err)
				assert.Equal(t, "ok", got)
				assert.Equal(t, int32(2), s.conns.Load())
			} else {
				require.Error(t, err)
				assert.Equal(t, int32(1), s.conns.Load(), "not sent again")
			}
			wantSeen := 1
			if tc.retried {
				wantSeen = 2
			}
			if tc.method == "GET" {
				wantSeen++ // the first GET
			}
			assert.Equal(t, wantSeen, s.seen[tc.method], "requests the server read")
		})
	}
}

// TestClientUnsolicitedBytes: bytes the server sends after a complete
// response, with it or while the connection is idle, are not taken for
// the next response: the connection is not reused.
func TestClientUnsolicitedBytes(t *testing.T) {
	const extra = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nevil!"
	for _, later := range []bool{false, true} {
		t.Run(fmt.Sprintf("later=%v", later), func(t *testing.T) {
			sent := make(chan struct{}, 1) // the extra bytes are on their way
			url, conns := rawServer(t, func(c net.Conn) {
				path := strings.Fields(readRequestHead(c) + " /?")[1]
				body := "ok" + path
				resp := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s", len(body), body)
				if later {
					io.WriteString(c, resp)
					time.Sleep(20 * time.Millisecond)
					io.WriteString(c, extra)
				} else {
					io.WriteString(c, resp+extra)
				}
				select {
				case sent <- struct{}{}:
				default:
				}
				readRequestHead(c)
			})
			cl := &ahttp.Client{}
			defer cl.CloseIdleConnections()
			// The second GET waits until the first connection's extra
			// bytes are sent (the server may be slow to), and then as
			// long again for the loop to see them.
			got, err := rt.Run(getPausedAsync(cl, []string{url + "/1", url + "/2"}, func() { <-sent }, 20*time.Millisecond))
			require.NoError(t, err)
			assert.Equal(t, []string{"ok/1", "ok/2"}, got)
			assert.Equal(t, int32(2), conns.Load())
		})
	}
}

// getString GETs url and returns the body.
//
// async
func getString(cl *ahttp.Client, url string) (string, error) {
	resp, err := cl.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := resp.Body.ReadAll()
	return string(b), err
}

// getPaused GETs each URL in turn; between them it waits for between
// (on a thread of its own) and pauses.
//
// async
func getPaused(cl *ahttp.Client, urls []string, between func(), pause time.Duration) ([]string, error) {
	var out []string
	for i, u := range urls {
		if i > 0 {
			if _, err := rt.ToThread(func() (struct{}, error) { between(); return struct{}{}, nil }); err != nil {
				return out, err
			}
			rt.Sleep(pause)
		}
		b, err := getString(cl, u)
		if err != nil {
			return out, err
		}
		out = append(out, b)
	}
	return out, nil
}
