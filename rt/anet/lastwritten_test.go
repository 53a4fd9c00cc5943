//go:build unix

package anet_test

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/anet"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCancelledWriteReportsSent: a Write cancelled by rt.WaitFor's timeout
// while a peer that does not read holds back the send buffer returns
// nothing, and LastWritten says how much of the buffer the kernel took; a
// write past its deadline returns its count, as net does. The peer, plain
// Go, receives exactly the sum of the two.
func TestCancelledWriteReportsSent(t *testing.T) {
	gate := make(chan struct{})
	received := make(chan int64, 1)
	addr := stdServer(t, func(c net.Conn) {
		<-gate
		n, _ := io.Copy(io.Discard, c)
		received <- n
	})
	var cancelled, deadlined int
	_, err := rt.Run(sendUntilStuckAsync(addr, &cancelled, &deadlined))
	require.NoError(t, err)
	close(gate)
	const size = 64 << 20
	assert.Greater(t, cancelled, 0, "the kernel took part of the first buffer")
	assert.Less(t, cancelled, size, "the peer does not read: the first Write cannot finish")
	assert.Less(t, deadlined, size)
	select {
	case n := <-received:
		assert.Equal(t, int64(cancelled+deadlined), n, "the peer got what LastWritten and the deadlined Write reported")
	case <-time.After(10 * time.Second):
		t.Fatal("the peer never saw the end of the stream")
	}
}

// async
func sendUntilStuck(addr string, cancelled, deadlined *int) error {
	c, err := anet.Dial("tcp", addr)
	if err != nil {
		return err
	}
	defer c.Close()
	buf := make([]byte, 64<<20)
	if _, err := rt.Await(rt.WaitFor(c.WriteAsync(buf), 100*time.Millisecond)); err != rt.ErrTimeout {
		return fmt.Errorf("WaitFor(Write): %v, want ErrTimeout", err)
	}
	*cancelled = c.LastWritten()
	c.SetWriteDeadline(rt.Now().Add(50 * time.Millisecond))
	n, err := c.Write(buf)
	if !errors.Is(err, os.ErrDeadlineExceeded) {
		return fmt.Errorf("Write past its deadline: %d, %v", n, err)
	}
	if n != c.LastWritten() {
		return fmt.Errorf("Write returned %d, LastWritten %d", n, c.LastWritten())
	}
	*deadlined = n
	return nil
}
