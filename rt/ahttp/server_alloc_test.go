//go:build unix

package ahttp_test

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/asyncgen/asyncgen/rt/ahttp"
	"github.com/stretchr/testify/require"
)

// allocHello is bench/httpload's handler: a header field and a short body.
//
// async
func allocHello(w *ahttp.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain")
	io.WriteString(w, "hello, world\n")
}

// maxAllocsPerRequest is what a kept-alive GET with no body may allocate
// on the server, handler included: 19 (46 before the connection kept its
// buffers). Eight are net/http's parser (http.ReadRequest: the Request,
// its request line, URL, Header map and values), five the frames of the
// async calls (serveOne, ReadUntilFunc, fill, callHandler, the handler),
// three callHandler's deferred recover, one the header block's
// copy, one the ResponseWriter, one the handler's Header().Set. The connection's
// output and body buffers, the response header map, the Date field, the
// body reader of a request without a body, the clock reads and the
// peer's address string are not allocated per request.
const maxAllocsPerRequest = 19

// keepAliveExchange sends req on c and reads a response of n bytes into
// buf (n from the first response: the Date field has a fixed length).
func keepAliveExchange(t testing.TB, c net.Conn, req, buf []byte) {
	if _, err := c.Write(req); err != nil {
		t.Fatal(err)
	}
	if _, err := io.ReadFull(c, buf); err != nil {
		t.Fatal(err)
	}
}

// firstResponseLen reads the first response off c and returns its length.
func firstResponseLen(t *testing.T, c net.Conn, req []byte) int {
	_, err := c.Write(req)
	require.NoError(t, err)
	var got []byte
	buf := make([]byte, 4096)
	for !bytes.Contains(got, []byte("\r\n\r\n")) {
		n, err := c.Read(buf)
		require.NoError(t, err)
		got = append(got, buf[:n]...)
	}
	head, rest, _ := strings.Cut(string(got), "\r\n\r\n")
	require.True(t, strings.HasPrefix(head, "HTTP/1.1 200 OK\r\n"), head)
	var length int
	for _, line := range strings.Split(head, "\r\n") {
		if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
			length, err = strconv.Atoi(v)
			require.NoError(t, err)
		}
	}
	require.Equal(t, len("hello, world\n"), length)
	require.Equal(t, "hello, world\n", rest)
	return len(head) + 4 + length
}

// TestServerAllocsPerKeepAliveRequest counts the allocations of the whole
// process (the client, a net.Conn, allocates nothing per exchange) over
// kept-alive requests to a server on a loop.
func TestServerAllocsPerKeepAliveRequest(t *testing.T) {
	if raceOn {
		t.Skip("the race detector's instrumentation allocates: counts hold without -race only")
	}
	base := runServer(t, &ahttp.Server{Handler: ahttp.HandlerFunc(allocHelloAsync)})
	addr := strings.TrimPrefix(base, "http://")
	c, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	defer c.Close()
	req := []byte("GET /hello HTTP/1.1\r\nHost: " + addr + "\r\nUser-Agent: alloc-test\r\n\r\n")
	n := firstResponseLen(t, c, req)
	buf := make([]byte, n)
	for range 200 { // warm up: the pools, the connection's buffers
		keepAliveExchange(t, c, req, buf)
	}
	const rounds = 2000
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range rounds {
		keepAliveExchange(t, c, req, buf)
	}
	runtime.ReadMemStats(&after)
	require.True(t, bytes.HasPrefix(buf, []byte("HTTP/1.1 200 OK\r\n")) && bytes.HasSuffix(buf, []byte("\r\n\r\nhello, world\n")), "%q", buf)
	per := float64(after.Mallocs-before.Mallocs) / rounds
	t.Logf("%.1f allocations, %.0f bytes per kept-alive request", per, float64(after.TotalAlloc-before.TotalAlloc)/rounds)
	// A quarter of slack per request for the runtime's own allocations
	// (the count is the whole process's); one more per request fails.
	require.Less(t, per, maxAllocsPerRequest+0.25)
}
