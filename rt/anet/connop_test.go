//go:build unix

package anet_test

import (
	"io"
	"net"
	"runtime"
	"testing"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/anet"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReadWriteAllocateNothing: a Write and a Read that waits on the
// poller for the echo allocate nothing (ReadAsync and WriteAsync reuse the
// Conn's spare operations); the generated coroutines they replace
// allocated three frames per round trip. The peer is a net.Conn echo on
// goroutines; mallocs counts the whole process, so a little slack is
// allowed for the runtime's own.
func TestReadWriteAllocateNothing(t *testing.T) {
	addr := stdServer(t, echoHandler)
	const rounds = 2000
	mallocs, err := rt.Run(echoMallocsAsync(addr, rounds))
	require.NoError(t, err)
	assert.Less(t, float64(mallocs)/rounds, 0.1, "mallocs per round trip (%d in %d)", mallocs, rounds)
}

func mallocsNow() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.Mallocs
}

// async
func echoMallocs(addr string, rounds int) (uint64, error) {
	c, err := anet.Dial("tcp", addr)
	if err != nil {
		return 0, err
	}
	defer c.Close()
	msg := []byte("ping")
	buf := make([]byte, len(msg))
	var before uint64
	for i := -10; i < rounds; i++ { // ten rounds to warm up
		if i == 0 {
			before = mallocsNow()
		}
		if _, err := c.Write(msg); err != nil {
			return 0, err
		}
		for n := 0; n < len(buf); {
			m, err := c.Read(buf[n:])
			if err != nil {
				return 0, err
			}
			n += m
		}
	}
	return mallocsNow() - before, nil
}

// TestReadWhileSpareInUse: a Read made (ReadAsync) but not yet awaited
// holds the Conn's spare read; a Read meanwhile gets an operation of its
// own, and each gets its data in turn.
func TestReadWhileSpareInUse(t *testing.T) {
	addr, gate := gatedPeer(t, "x", "y")
	got, err := rt.Run(twoReadsAsync(addr, gate))
	require.NoError(t, err)
	assert.Equal(t, "x y <nil>", got)
}

// async
func twoReads(addr string, gate chan struct{}) (string, error) {
	c, err := anet.Dial("tcp", addr)
	if err != nil {
		return "", err
	}
	defer c.Close()
	b1, b2 := make([]byte, 8), make([]byte, 8)
	later := c.ReadAsync(b1)
	n, err := c.Read(b2)
	if err != nil {
		return "", err
	}
	close(gate)
	m, err := rt.Await(later)
	return string(b2[:n]) + " " + string(b1[:m]) + " " + errString(err), nil
}

func errString(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

// TestWriteAfterPeerCloses: a Write to a connection whose peer has gone
// fails with the kernel's error, wrapped as net wraps it, rather than
// waiting.
func TestWriteAfterPeerCloses(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	go func() {
		c, err := ln.Accept()
		if err == nil {
			c.Close()
		}
	}()
	got, err := rt.Run(writeUntilErrorAsync(ln.Addr().String()))
	require.NoError(t, err)
	assert.Contains(t, got, "write: ")
}

// async
func writeUntilError(addr string) (string, error) {
	c, err := anet.Dial("tcp", addr)
	if err != nil {
		return "", err
	}
	defer c.Close()
	if _, err := c.Read(make([]byte, 1)); err != io.EOF {
		return "", err
	}
	msg := make([]byte, 1<<16)
	for i := 0; i < 100; i++ {
		if _, err := c.Write(msg); err != nil {
			return err.Error(), nil
		}
	}
	return "no error", nil
}
