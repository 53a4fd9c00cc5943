//go:build unix

package anet_test

import (
	"bytes"
	"log"
	"net"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/anet"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// slowAfterRead reads a line, then keeps the loop busy for 30ms without
// awaiting (a slow computation), then reads again.
//
// async
func slowAfterRead(addr string) (string, error) {
	c, err := anet.Dial("tcp", addr)
	if err != nil {
		return "", err
	}
	defer c.Close()
	first, err := c.ReadUntil('\n') // mark: first read
	if err != nil {
		return "", err
	}
	for start := time.Now(); time.Since(start) < 30*time.Millisecond; {
	}
	second, err := c.ReadUntil('\n') // mark: second read
	return string(first) + string(second), err
}

// markLine is the line of this file that ends with "// mark: "+mark.
func markLine(t *testing.T, mark string) string {
	t.Helper()
	src, err := os.ReadFile("debug_slow_test.go")
	require.NoError(t, err)
	for i, l := range strings.Split(string(src), "\n") {
		if strings.HasSuffix(l, "// mark: "+mark) {
			return strconv.Itoa(i + 1)
		}
	}
	t.Fatalf("no line marked %q", mark)
	return ""
}

// TestDebugSlowStepNamesUserLines: Debug's slow-step report names the
// user's lines where the step began and ended, not anet's lines where the
// task waited for the socket (those follow).
func TestDebugSlowStepNamesUserLines(t *testing.T) {
	addr := stdServer(t, func(c net.Conn) {
		time.Sleep(5 * time.Millisecond) // the first read waits on the socket
		c.Write([]byte("one\n"))
		time.Sleep(100 * time.Millisecond) // so does the second
		c.Write([]byte("two\n"))
	})
	var logs bytes.Buffer
	log.SetOutput(&logs)
	defer log.SetOutput(os.Stderr)
	lp := rt.NewLoop(rt.Debug(10 * time.Millisecond))
	defer lp.Close()
	got, err := rt.RunOn(lp, slowAfterReadAsync(addr))
	require.NoError(t, err)
	assert.Equal(t, "one\ntwo\n", got)
	want := "from debug_slow_test.go:" + markLine(t, "first read") + " via conn.go:"
	assert.Contains(t, logs.String(), want)
	want = "to debug_slow_test.go:" + markLine(t, "second read") + " via conn.go:"
	assert.Contains(t, logs.String(), want)
	t.Log(logs.String())
}
