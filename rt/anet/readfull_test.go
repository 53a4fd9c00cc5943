//go:build unix

package anet_test

import (
	"errors"
	"io"
	"net"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/anet"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readFullSteps reads, from a peer that sends "ab\ncd", "efgh" and
// "ij" apart and closes: a line (ReadUntil, which may read ahead), then
// ReadFull of 5 (what ReadUntil left, then the socket), of 2 and of 4
// (the stream ends after 1: io.ErrUnexpectedEOF), then of 1 (io.EOF).
//
// async
func readFullSteps(addr string) ([]string, error) {
	c, err := anet.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	line, err := c.ReadUntil('\n')
	if err != nil {
		return nil, err
	}
	got := []string{string(line)}
	for _, size := range []int{5, 2, 4, 1} {
		buf := make([]byte, size)
		n, err := c.ReadFull(buf)
		s := string(buf[:n])
		if err != nil {
			s += " " + err.Error()
		}
		got = append(got, s)
	}
	return got, nil
}

func TestReadFull(t *testing.T) {
	addr := stdServer(t, func(c net.Conn) {
		for _, part := range []string{"ab\ncd", "efgh", "ij"} {
			c.Write([]byte(part))
			time.Sleep(20 * time.Millisecond)
		}
	})
	got, err := rt.Run(readFullStepsAsync(addr))
	require.NoError(t, err)
	assert.Equal(t, []string{"ab\n", "cdefg", "hi", "j unexpected EOF", " EOF"}, got)
	// The natural form is io.ReadFull over the blocking Read.
	c, err := anet.Dial("tcp", addr)
	require.NoError(t, err)
	defer c.Close()
	buf := make([]byte, 11)
	n, err := c.ReadFull(buf)
	assert.Equal(t, "ab\ncdefghij", string(buf[:n]))
	assert.True(t, err == nil || errors.Is(err, io.ErrUnexpectedEOF), "%v", err)
}

// echoFullMallocs is echoMallocs with ReadFull for the reply.
//
// async
func echoFullMallocs(addr string, rounds int) (uint64, error) {
	c, err := anet.Dial("tcp", addr)
	if err != nil {
		return 0, err
	}
	defer c.Close()
	msg := []byte("ping")
	buf := make([]byte, len(msg))
	var before uint64
	for i := -10; i < rounds; i++ {
		if i == 0 {
			before = mallocsNow()
		}
		if _, err := c.Write(msg); err != nil {
			return 0, err
		}
		if _, err := c.ReadFull(buf); err != nil {
			return 0, err
		}
	}
	return mallocsNow() - before, nil
}

// TestReadFullAllocatesNothing: ReadFull shares the Conn's spare read
// operation, so a round trip that waits for its reply allocates nothing.
func TestReadFullAllocatesNothing(t *testing.T) {
	if raceOn {
		t.Skip("under -race sync.Pool drops scratch buffers: counts hold without -race only")
	}
	addr := stdServer(t, echoHandler)
	const rounds = 2000
	mallocs, err := rt.Run(echoFullMallocsAsync(addr, rounds))
	require.NoError(t, err)
	assert.Less(t, float64(mallocs)/rounds, 0.1, "mallocs per round trip (%d in %d)", mallocs, rounds)
}
