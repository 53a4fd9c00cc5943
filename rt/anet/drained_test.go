//go:build unix

package anet_test

import (
	"io"
	"net"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/anet"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// These tests check the waits that follow a short read, which go to the
// poller without a read first (rt.FD.SetDrained): whatever came after that
// read must still be read, however the poller saw it.

// holdRead reads c until it fails: a task parked on the poller, so that
// the loop sleeps in epoll_wait (and takes every event) while the test's
// own task sleeps.
//
// async
func holdRead(c *anet.Conn) {
	buf := make([]byte, 16)
	for {
		if _, err := c.Read(buf); err != nil {
			return
		}
	}
}

// readSteps dials addr, reads once (the peer's first bytes: a short
// read), sleeps while the peer sends the rest, and reads again with a
// deadline, by Read or, with lines, ReadUntil. holdAddr, if not empty, is
// a silent peer that a second task waits on meanwhile.
//
// async
func readSteps(addr, holdAddr string, lines bool, pause time.Duration) ([]string, error) {
	c, err := anet.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	if holdAddr != "" {
		h, err := anet.Dial("tcp", holdAddr)
		if err != nil {
			return nil, err
		}
		defer h.Close()
		rt.Spawn(holdReadAsync(h))
	}
	buf := make([]byte, 4096)
	var got []string
	for i := 0; i < 3; i++ {
		if i == 1 {
			rt.Sleep(pause) // the peer's next bytes (or its FIN) arrive meanwhile
		}
		c.SetReadDeadline(rt.Now().Add(5 * time.Second))
		if lines {
			line, err := c.ReadUntil('\n')
			if err != nil {
				return append(got, "error: "+err.Error()), nil
			}
			got = append(got, string(line))
			continue
		}
		n, err := c.Read(buf)
		if err != nil {
			return append(got, "error: "+err.Error()), nil
		}
		got = append(got, string(buf[:n]))
	}
	return got, nil
}

// TestReadAfterShortReadSeesLaterData: bytes that arrive after a short
// read, while the reader is not parked and the loop takes their event
// for nobody, are read by the next Read and the next ReadUntil.
func TestReadAfterShortReadSeesLaterData(t *testing.T) {
	addr := stdServer(t, func(c net.Conn) {
		c.Write([]byte("a\n"))
		time.Sleep(30 * time.Millisecond)
		c.Write([]byte("b\n"))
		time.Sleep(400 * time.Millisecond) // after the reader's pause: it waits for these
		c.Write([]byte("c\n"))
		io.Copy(io.Discard, c)
	})
	hold := stdServer(t, func(c net.Conn) { io.Copy(io.Discard, c) })
	for _, lines := range []bool{false, true} {
		for _, h := range []string{"", hold} {
			start := time.Now()
			got, err := rt.Run(readStepsAsync(addr, h, lines, 200*time.Millisecond))
			require.NoError(t, err)
			assert.Equal(t, []string{"a\n", "b\n", "c\n"}, got, "lines %v, hold %v", lines, h != "")
			assert.Less(t, time.Since(start), 3*time.Second, "a read waited for its deadline")
		}
	}
}

// TestReadAfterShortReadSeesFIN: a peer that sends its last bytes and
// closes at once: the read that takes the bytes is short and the FIN
// stays queued with no new edge, so the next read must see end of file
// rather than wait (whether the loop took the event before the read, for
// nobody, or the FD was never on the poller yet).
func TestReadAfterShortReadSeesFIN(t *testing.T) {
	addr := stdServer(t, func(c net.Conn) {
		c.Write([]byte("a\n"))
		time.Sleep(30 * time.Millisecond)
		c.Write([]byte("last\n"))
		c.Close()
	})
	hold := stdServer(t, func(c net.Conn) { io.Copy(io.Discard, c) })
	for _, lines := range []bool{false, true} {
		for _, h := range []string{"", hold} {
			start := time.Now()
			got, err := rt.Run(readStepsAsync(addr, h, lines, 200*time.Millisecond))
			require.NoError(t, err)
			assert.Equal(t, []string{"a\n", "last\n", "error: EOF"}, got, "lines %v, hold %v", lines, h != "")
			assert.Less(t, time.Since(start), 3*time.Second, "a read waited for its deadline")
		}
	}
}

// readFirstThenEOF reads what a peer sent and closed before the first
// read (no wait yet: the FD is not on the poller), then reads again.
//
// async
func readFirstThenEOF(addr string) ([]string, error) {
	c, err := anet.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	rt.Sleep(100 * time.Millisecond) // the bytes and the FIN arrive
	buf := make([]byte, 4096)
	var got []string
	for range 2 {
		c.SetReadDeadline(rt.Now().Add(5 * time.Second))
		n, err := c.Read(buf)
		if err != nil {
			return append(got, "error: "+err.Error()), nil
		}
		got = append(got, string(buf[:n]))
	}
	return got, nil
}

func TestShortFirstReadThenFIN(t *testing.T) {
	addr := stdServer(t, func(c net.Conn) {
		c.Write([]byte("bye\n"))
		c.Close()
	})
	got, err := rt.Run(readFirstThenEOFAsync(addr))
	require.NoError(t, err)
	assert.Equal(t, []string{"bye\n", "error: EOF"}, got)
}
