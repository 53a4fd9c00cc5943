//go:build unix

package ahttp_test

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/ahttp"
	"github.com/asyncgen/asyncgen/rt/anet"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The Shutdown tests run the server and a raw client on one loop with a
// virtual clock, so that when Shutdown returns is exact: it must return
// at the instant the last connection ends (a Shutdown that looked again
// every few milliseconds would return later), or when its drain ends.

// heldHandler notes a request's arrival, sleeps hold (on the loop's
// clock), answers "done" and notes when it ended.
type heldHandler struct {
	hold    time.Duration
	arrived rt.Event
	ended   time.Time
}

// async
func (h *heldHandler) ServeHTTP(w *ahttp.ResponseWriter, r *http.Request) {
	h.arrived.Set()
	rt.Sleep(h.hold)
	io.WriteString(w, "done")
	h.ended = rt.Now()
}

// serveRaw serves srv on a new loopback listener and dials it.
//
// async
func serveRaw(srv *ahttp.Server) (*anet.Conn, rt.Awaitable[struct{}], error) {
	ln, err := anet.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, nil, err
	}
	served := rt.Spawn(srv.ServeAsync(ln))
	c, err := anet.Dial("tcp", ln.Addr().String())
	if err != nil {
		srv.Close()
		return nil, nil, err
	}
	return c, served, nil
}

const rawGet = "GET / HTTP/1.1\r\nHost: example.test\r\n\r\n"

// shutdownInFlight starts Shutdown while a request is in flight and
// returns how long after the handler ended Shutdown returned.
//
// async
func shutdownInFlight() (time.Duration, error) {
	h := &heldHandler{hold: 7 * time.Millisecond}
	srv := &ahttp.Server{Handler: h}
	c, served, err := serveRaw(srv)
	if err != nil {
		return 0, err
	}
	defer c.Close()
	if _, err := c.Write([]byte(rawGet)); err != nil {
		return 0, err
	}
	h.arrived.Wait()
	srv.Shutdown(time.Hour)
	back := rt.Now()
	_, _ = rt.Await(served) // http.ErrServerClosed
	return back.Sub(h.ended), nil
}

// TestShutdownWakesWhenLastRequestEnds: Shutdown, started while a request
// is in flight, returns at the instant that request's connection ends.
func TestShutdownWakesWhenLastRequestEnds(t *testing.T) {
	after, err := rt.Run(shutdownInFlightAsync(), rt.VirtualTime())
	require.NoError(t, err)
	assert.Equal(t, time.Duration(0), after, "Shutdown returned this long after the last request ended")
}

// shutdownIdle makes one request on a kept-alive connection, leaves it
// idle, and returns how long Shutdown took.
//
// async
func shutdownIdle() (time.Duration, error) {
	srv := &ahttp.Server{Handler: &heldHandler{}}
	c, served, err := serveRaw(srv)
	if err != nil {
		return 0, err
	}
	defer c.Close()
	if _, err := c.Write([]byte(rawGet)); err != nil {
		return 0, err
	}
	var got []byte
	buf := make([]byte, 512)
	for !bytes.HasSuffix(got, []byte("done")) {
		n, err := c.Read(buf)
		if err != nil {
			return 0, err
		}
		got = append(got, buf[:n]...)
	}
	start := rt.Now()
	srv.Shutdown(time.Hour)
	took := rt.Now().Sub(start)
	_, _ = rt.Await(served)
	if _, err := c.Read(buf); err != io.EOF {
		return 0, err
	}
	return took, nil
}

// TestShutdownClosesIdleAtOnce: an idle kept-alive connection is closed
// and Shutdown returns at once, without waiting for anything.
func TestShutdownClosesIdleAtOnce(t *testing.T) {
	took, err := rt.Run(shutdownIdleAsync(), rt.VirtualTime())
	require.NoError(t, err)
	assert.Equal(t, time.Duration(0), took, "Shutdown of a server with one idle connection took this long")
}

// floodHandler writes a body far larger than the socket buffers to a
// client that reads nothing, so that it waits on its connection until
// the connection is closed, and keeps the error that ended it.
type floodHandler struct {
	arrived rt.Event
	err     error
}

// async
func (h *floodHandler) ServeHTTP(w *ahttp.ResponseWriter, r *http.Request) {
	h.arrived.Set()
	chunk := make([]byte, 64<<10)
	for range 4096 {
		w.Write(chunk)
		if h.err = w.Flush(); h.err != nil {
			return
		}
	}
}

// shutdownDrainEnds starts Shutdown(drain) while a request that never
// ends by itself is in flight, and returns how long Shutdown took; it
// fails if the handler's writes did not.
//
// async
func shutdownDrainEnds(drain time.Duration) (time.Duration, error) {
	h := &floodHandler{}
	srv := &ahttp.Server{Handler: h}
	c, served, err := serveRaw(srv)
	if err != nil {
		return 0, err
	}
	defer c.Close()
	if _, err := c.Write([]byte(rawGet)); err != nil {
		return 0, err
	}
	h.arrived.Wait()
	start := rt.Now()
	srv.Shutdown(drain)
	took := rt.Now().Sub(start)
	_, _ = rt.Await(served)
	if h.err == nil {
		return took, errors.New("the handler's writes did not fail: its connection stayed open")
	}
	return took, nil
}

// TestShutdownDrainDeadline: a request still in flight when the drain
// ends is cut (its connection closed, so its write fails), and Shutdown
// returns at the drain's end, as soon as that connection has ended.
func TestShutdownDrainDeadline(t *testing.T) {
	took, err := rt.Run(shutdownDrainEndsAsync(50*time.Millisecond), rt.VirtualTime())
	require.NoError(t, err)
	assert.Equal(t, 50*time.Millisecond, took, "Shutdown(50ms) of a server with a request that never ends took this long")
}
