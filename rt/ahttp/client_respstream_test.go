//go:build unix

package ahttp_test

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"testing"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/ahttp"
	"github.com/asyncgen/asyncgen/rt/anet"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// streamServer serves /n/<bytes> of pattern, with a Content-Length, or
// chunked under /chunked/<bytes>.
func streamServer() *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var n int64
		var chunked bool
		if _, err := fmt.Sscanf(r.URL.Path, "/n/%d", &n); err != nil {
			fmt.Sscanf(r.URL.Path, "/chunked/%d", &n)
			chunked = true
		}
		if !chunked {
			w.Header().Set("Content-Length", strconv.FormatInt(n, 10))
		}
		io.Copy(w, io.LimitReader(newPattern(), n))
	}))
}

// streamed is what a client made of a body: its length, its digest and
// the error that ended it.
type streamed struct {
	N   int64
	Sha string
	Err error
}

// streamTo GETs url and writes its body to a digest with WriteTo, after
// SetLimit(limit) when limit is not zero; w, if not nil, sees the bytes
// too.
//
// async
func streamTo(cl *ahttp.Client, url string, limit int64, w io.Writer) (streamed, error) {
	resp, err := cl.Get(url)
	if err != nil {
		return streamed{}, err
	}
	defer resp.Body.Close()
	if limit != 0 {
		resp.Body.SetLimit(limit)
	}
	h := sha256.New()
	dst := io.Writer(h)
	if w != nil {
		dst = io.MultiWriter(h, w)
	}
	n, err := resp.Body.WriteTo(dst)
	return streamed{n, fmt.Sprintf("%x", h.Sum(nil)[:8]), err}, nil
}

// heapWatch records the largest heap it sees, looking every 4 MiB
// written to it.
type heapWatch struct {
	n, peak uint64
}

func (hw *heapWatch) Write(p []byte) (int, error) {
	if hw.n/(4<<20) != (hw.n+uint64(len(p)))/(4<<20) {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		hw.peak = max(hw.peak, ms.HeapAlloc)
	}
	hw.n += uint64(len(p))
	return len(p), nil
}

// TestBodyWriteTo streams 64 MiB response bodies, fixed length and
// chunked, to a digest: the same bytes as net/http's client reads, with
// the heap (both ends run here) staying far below the body's size.
func TestBodyWriteTo(t *testing.T) {
	srv := streamServer()
	defer srv.Close()
	const size = 64 << 20
	for _, path := range []string{"/n/", "/chunked/"} {
		t.Run(path, func(t *testing.T) {
			url := srv.URL + path + strconv.Itoa(size)
			resp, err := http.Get(url)
			require.NoError(t, err)
			h := sha256.New()
			n, err := io.Copy(h, resp.Body)
			resp.Body.Close()
			require.NoError(t, err)
			want := streamed{n, fmt.Sprintf("%x", h.Sum(nil)[:8]), nil}

			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			hw := &heapWatch{}
			got, err := rt.Run(streamToAsync(&ahttp.Client{}, url, 0, hw))
			runtime.ReadMemStats(&after)
			require.NoError(t, err)
			assert.Equal(t, want, got)
			t.Logf("heap %d KiB before, at most %d KiB while reading %d MiB (%d KiB allocated in all)",
				before.HeapAlloc>>10, hw.peak>>10, size>>20, (after.TotalAlloc-before.TotalAlloc)>>10)
			assert.NotZero(t, hw.peak)
			assert.Less(t, hw.peak, before.HeapAlloc+size/4)
		})
	}
}

// TestBodyWriteToLimit: past the limit (SetLimit, or the Client's
// MaxResponseBodyBytes) WriteTo stops with ErrBodyTooLarge, having
// written no more than the limit.
func TestBodyWriteToLimit(t *testing.T) {
	srv := streamServer()
	defer srv.Close()
	const limit = 1<<20 + 5
	for _, path := range []string{"/n/", "/chunked/"} {
		t.Run(path, func(t *testing.T) {
			url := srv.URL + path + strconv.Itoa(8<<20)
			got, err := rt.Run(streamToAsync(&ahttp.Client{}, url, limit, nil))
			require.NoError(t, err)
			assert.True(t, errors.Is(got.Err, ahttp.ErrBodyTooLarge), "%v", got.Err)
			assert.LessOrEqual(t, got.N, int64(limit))
			assert.Greater(t, got.N, int64(limit-64<<10))

			got, err = rt.Run(streamToAsync(&ahttp.Client{MaxResponseBodyBytes: limit}, url, 0, nil))
			require.NoError(t, err)
			assert.True(t, errors.Is(got.Err, ahttp.ErrBodyTooLarge), "%v", got.Err)
			assert.LessOrEqual(t, got.N, int64(limit))

			// A body within the limit is all there.
			url = srv.URL + path + strconv.Itoa(limit)
			got, err = rt.Run(streamToAsync(&ahttp.Client{}, url, limit, nil))
			require.NoError(t, err)
			assert.NoError(t, got.Err)
			assert.Equal(t, int64(limit), got.N)
		})
	}
}

// writeToConn GETs url and writes its body to a new connection to sink
// (an AsyncWriter), which it then closes.
//
// async
func writeToConn(url, sink string) (int64, error) {
	resp, err := ahttp.Get(url)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	c, err := anet.Dial("tcp", sink)
	if err != nil {
		return 0, err
	}
	defer c.Close()
	return resp.Body.WriteTo(c)
}

// TestBodyWriteToAsyncWriter streams a response body into an anet.Conn,
// which WriteTo awaits: the peer gets every byte.
func TestBodyWriteToAsyncWriter(t *testing.T) {
	srv := streamServer()
	defer srv.Close()
	sink, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer sink.Close()
	got := make(chan string, 1)
	go func() {
		c, err := sink.Accept()
		if err != nil {
			got <- err.Error()
			return
		}
		defer c.Close()
		h := sha256.New()
		n, _ := io.Copy(h, c)
		got <- fmt.Sprintf("%d %x", n, h.Sum(nil))
	}()
	const size = 5<<20 + 3
	h := sha256.New()
	io.Copy(h, io.LimitReader(newPattern(), size))
	n, err := rt.Run(writeToConnAsync(srv.URL+"/chunked/"+strconv.Itoa(size), sink.Addr().String()))
	require.NoError(t, err)
	assert.Equal(t, int64(size), n)
	assert.Equal(t, fmt.Sprintf("%d %x", size, h.Sum(nil)), <-got)
}
