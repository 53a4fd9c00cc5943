//go:build unix

package anet_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/anet"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// stdServer runs handle for each connection accepted by a net.Listener on
// loopback, on goroutines (the peer is plain Go on purpose), and returns
// its address.
func stdServer(t *testing.T, handle func(net.Conn)) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				handle(c)
			}()
		}
	}()
	return ln.Addr().String()
}

func echoHandler(c net.Conn) { io.Copy(c, c) }

// async
func echoLines(network, addr string, msgs []string) ([]string, error) {
	c, err := anet.Dial(network, addr)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	var got []string
	for _, m := range msgs {
		if _, err := c.Write([]byte(m + "\n")); err != nil {
			return nil, err
		}
		line, err := c.ReadUntil('\n')
		if err != nil {
			return nil, err
		}
		got = append(got, string(line))
	}
	return got, nil
}

func TestDialStdServer(t *testing.T) {
	addr := stdServer(t, echoHandler)
	got, err := rt.Run(echoLinesAsync("tcp", addr, []string{"one", "two", "three"}))
	require.NoError(t, err)
	assert.Equal(t, []string{"one\n", "two\n", "three\n"}, got)
}

// async
func serveOne(ln *anet.Listener) (string, error) {
	c, err := ln.Accept()
	if err != nil {
		return "", err
	}
	defer c.Close()
	line, err := c.ReadUntil('\n')
	if err != nil {
		return "", err
	}
	if _, err := c.Write(append([]byte("pong "), line...)); err != nil {
		return "", err
	}
	return string(line), nil
}

// stdClient dials addr with net.Dial, sends ping and returns the reply.
func stdClient(network, addr string) chan string {
	out := make(chan string, 1)
	go func() {
		c, err := net.Dial(network, addr)
		if err != nil {
			out <- err.Error()
			return
		}
		defer c.Close()
		fmt.Fprintf(c, "ping\n")
		b, _ := io.ReadAll(c)
		out <- string(b)
	}()
	return out
}

func TestListenStdClient(t *testing.T) {
	for _, network := range []string{"tcp", "unix"} {
		t.Run(network, func(t *testing.T) {
			addr := "127.0.0.1:0"
			if network == "unix" {
				addr = filepath.Join(t.TempDir(), "s.sock")
			}
			ln, err := anet.Listen(network, addr) // natural: Listen does not wait
			require.NoError(t, err)
			defer ln.Close()
			reply := stdClient(network, ln.Addr().String())
			got, err := rt.Run(serveOneAsync(ln))
			require.NoError(t, err)
			assert.Equal(t, "ping\n", got)
			assert.Equal(t, "pong ping\n", <-reply)
		})
	}
}

func TestUnixBothSides(t *testing.T) {
	path := filepath.Join(t.TempDir(), "e.sock")
	got, err := rt.Run(unixPairAsync(path))
	require.NoError(t, err)
	assert.Equal(t, []string{"a\n", "b\n"}, got)
	_, err = os.Stat(path)
	assert.True(t, os.IsNotExist(err), "Close removes the socket file")
}

// async
func unixPair(path string) ([]string, error) {
	ln, err := anet.Listen("unix", path)
	if err != nil {
		return nil, err
	}
	defer ln.Close()
	srv := rt.Spawn(echoOneAsync(ln))
	got, err := echoLines("unix", path, []string{"a", "b"})
	if err != nil {
		return nil, err
	}
	if _, err := rt.Await(srv); err != nil {
		return nil, err
	}
	return got, nil
}

// echoOne accepts one connection and echoes it until end of stream.
//
// async
func echoOne(ln *anet.Listener) error {
	c, err := ln.Accept()
	if err != nil {
		return err
	}
	defer c.Close()
	buf := make([]byte, 4096)
	for {
		n, err := c.Read(buf)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if _, err := c.Write(buf[:n]); err != nil {
			return err
		}
	}
}

func TestSlowPeer(t *testing.T) {
	addr := stdServer(t, func(c net.Conn) {
		for _, b := range []byte("hello world\n0123456789") {
			c.Write([]byte{b})
			time.Sleep(2 * time.Millisecond)
		}
	})
	got, err := rt.Run(slowReadAsync(addr))
	require.NoError(t, err)
	assert.Equal(t, "hello world\n|0123456789", got)
}

// async
func slowRead(addr string) (string, error) {
	c, err := anet.Dial("tcp", addr)
	if err != nil {
		return "", err
	}
	defer c.Close()
	line, err := c.ReadUntil('\n')
	if err != nil {
		return "", err
	}
	rest, err := c.ReadExactly(10)
	if err != nil {
		return "", err
	}
	return string(line) + "|" + string(rest), nil
}

// TestWriteBackpressure: a peer that does not read for a while; Write
// waits (on the poller: another task keeps running) until the kernel took
// every byte, and the peer receives them all.
func TestWriteBackpressure(t *testing.T) {
	const size = 32 << 20
	received := make(chan int64, 1)
	addr := stdServer(t, func(c net.Conn) {
		time.Sleep(200 * time.Millisecond)
		n, _ := io.Copy(io.Discard, c)
		received <- n
	})
	res, err := rt.Run(bigWriteAsync(addr, size))
	require.NoError(t, err)
	assert.Equal(t, size, res.n)
	assert.GreaterOrEqual(t, res.took, 150*time.Millisecond, "Write returned before the peer read")
	assert.Greater(t, res.ticks, 10, "the loop ran other tasks while Write waited")
	assert.Equal(t, int64(size), <-received)
}

type writeResult struct {
	n     int
	took  time.Duration
	ticks int
}

// async
func ticker(n *int, stop *bool) {
	for !*stop {
		*n++
		rt.Sleep(time.Millisecond)
	}
}

// async
func bigWrite(addr string, size int) (writeResult, error) {
	c, err := anet.Dial("tcp", addr)
	if err != nil {
		return writeResult{}, err
	}
	defer c.Close()
	ticks, stop := 0, false
	tk := rt.Spawn(tickerAsync(&ticks, &stop))
	start := rt.Now()
	n, err := c.Write(make([]byte, size))
	took := rt.Now().Sub(start)
	stop = true
	rt.Await(tk)
	if err != nil {
		return writeResult{}, err
	}
	if err := c.CloseWrite(); err != nil {
		return writeResult{}, err
	}
	return writeResult{n, took, ticks}, nil
}

func TestPeerClosesMidMessage(t *testing.T) {
	addr := stdServer(t, func(c net.Conn) { c.Write([]byte("partial")) })
	got, err := rt.Run(readTruncatedAsync(addr))
	require.NoError(t, err)
	assert.Equal(t, `"partial" unexpected EOF | EOF`, got)

	got, err = rt.Run(readUntilTruncatedAsync(addr))
	require.NoError(t, err)
	assert.Equal(t, `"partial" unexpected EOF`, got)
}

// async
func readTruncated(addr string) (string, error) {
	c, err := anet.Dial("tcp", addr)
	if err != nil {
		return "", err
	}
	defer c.Close()
	b, err1 := c.ReadExactly(100)
	_, err2 := c.Read(make([]byte, 10))
	return fmt.Sprintf("%q %v | %v", b, err1, err2), nil
}

// async
func readUntilTruncated(addr string) (string, error) {
	c, err := anet.Dial("tcp", addr)
	if err != nil {
		return "", err
	}
	defer c.Close()
	b, err := c.ReadUntil('\n')
	return fmt.Sprintf("%q %v", b, err), nil
}

// gatedPeer writes first, waits for go, then writes then.
func gatedPeer(t *testing.T, first, then string) (string, chan struct{}) {
	gate := make(chan struct{})
	addr := stdServer(t, func(c net.Conn) {
		c.Write([]byte(first))
		<-gate
		c.Write([]byte(then))
		io.Copy(io.Discard, c)
	})
	return addr, gate
}

// async
func readInto(c *anet.Conn, buf []byte, cleaned *bool) (int, error) {
	defer func() { *cleaned = true }()
	return c.Read(buf)
}

// async
func readLine(c *anet.Conn) (string, error) {
	b, err := c.ReadUntil('\n')
	return string(b), err
}

// TestCancelRead: cancelling a task blocked in Read unwinds it with
// ErrCanceled (its defer runs), takes it off the poller, and leaves the
// connection usable; a cancelled ReadUntil keeps what it had read.
func TestCancelRead(t *testing.T) {
	addr, gate := gatedPeer(t, "par", "tial\n")
	got, err := rt.Run(cancelReadAsync(addr, gate))
	require.NoError(t, err)
	assert.Equal(t, "partial\n", got)
}

// async
func cancelRead(addr string, gate chan struct{}) (string, error) {
	c, err := anet.Dial("tcp", addr)
	if err != nil {
		return "", err
	}
	defer c.Close()
	lp := rt.CurrentLoop()
	// A ReadUntil that has read "par" and waits for the rest.
	reader := rt.Spawn(readLineAsync(c))
	rt.Sleep(50 * time.Millisecond)
	if n := lp.Stats().IOWaits; n != 1 {
		return "", fmt.Errorf("IOWaits = %d while reading, want 1", n)
	}
	reader.Cancel()
	if _, err := rt.Await(reader); !errors.Is(err, rt.ErrCanceled) {
		return "", fmt.Errorf("cancelled ReadUntil: %v", err)
	}
	if n := lp.Stats().IOWaits; n != 0 {
		return "", fmt.Errorf("IOWaits = %d after cancel, want 0", n)
	}
	if c.Buffered() != 3 {
		return "", fmt.Errorf("buffered %d, want 3", c.Buffered())
	}
	close(gate)
	line, err := readLine(c)
	if err != nil {
		return "", err
	}
	// A plain Read, cancelled; the connection still writes and reads.
	cleaned := false
	r2 := rt.Spawn(readIntoAsync(c, make([]byte, 10), &cleaned))
	rt.Sleep(10 * time.Millisecond)
	r2.Cancel()
	if _, err := rt.Await(r2); !errors.Is(err, rt.ErrCanceled) || !cleaned {
		return "", fmt.Errorf("cancelled Read: %v, deferred call ran: %v", err, cleaned)
	}
	if _, err := c.Write([]byte("still open")); err != nil {
		return "", err
	}
	return line, nil
}

func TestWaitForRead(t *testing.T) {
	addr, gate := gatedPeer(t, "", "late\n")
	got, err := rt.Run(waitForReadAsync(addr, gate))
	require.NoError(t, err)
	assert.Equal(t, "late\n", got)
}

// async
func waitForRead(addr string, gate chan struct{}) (string, error) {
	c, err := anet.Dial("tcp", addr)
	if err != nil {
		return "", err
	}
	defer c.Close()
	buf := make([]byte, 10)
	if _, err := rt.Await(rt.WaitFor(c.ReadAsync(buf), 30*time.Millisecond)); err != rt.ErrTimeout {
		return "", fmt.Errorf("WaitFor(Read): %v, want ErrTimeout", err)
	}
	c.SetReadDeadline(rt.Now().Add(30 * time.Millisecond))
	_, err = c.Read(buf)
	var ne net.Error
	if !errors.Is(err, os.ErrDeadlineExceeded) || !errors.As(err, &ne) || !ne.Timeout() {
		return "", fmt.Errorf("Read past deadline: %v", err)
	}
	c.SetReadDeadline(time.Time{})
	close(gate)
	return readLine(c)
}

// TestVirtualTimeIO: under VirtualTime the clock does not jump past a
// peer that answers, and does jump (after the real-time grace) when the
// only waits left are a silent socket and a timer.
func TestVirtualTimeIO(t *testing.T) {
	addr := stdServer(t, func(c net.Conn) {
		time.Sleep(20 * time.Millisecond)
		c.Write([]byte("answer\n"))
		io.Copy(io.Discard, c)
	})
	start := time.Now()
	got, err := rt.Run(virtualReadAsync(addr), rt.VirtualTime())
	require.NoError(t, err)
	assert.Equal(t, "answer\n timeout 1h0m0s", got)
	assert.Less(t, time.Since(start), 5*time.Second)
}

// async
func virtualRead(addr string) (string, error) {
	c, err := anet.Dial("tcp", addr)
	if err != nil {
		return "", err
	}
	defer c.Close()
	line, err := rt.Await(rt.WaitFor(readLineAsync(c), time.Hour))
	if err != nil {
		return "", err
	}
	start := rt.Now()
	_, err = rt.Await(rt.WaitFor(readLineAsync(c), time.Hour))
	if err != rt.ErrTimeout {
		return "", fmt.Errorf("silent peer: %v", err)
	}
	return fmt.Sprintf("%s timeout %v", line, rt.Now().Sub(start)), nil
}

func TestNaturalCallsBlock(t *testing.T) {
	addr := stdServer(t, echoHandler)
	c, err := anet.Dial("tcp", addr)
	require.NoError(t, err)
	defer c.Close()
	_, err = c.Write([]byte("plain\n"))
	require.NoError(t, err)
	line, err := c.ReadUntil('\n')
	require.NoError(t, err)
	assert.Equal(t, "plain\n", string(line))
}

func TestDialErrors(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	ln.Close()
	_, err = rt.Run(anet.DialAsync("tcp", addr))
	var oe *net.OpError
	require.ErrorAs(t, err, &oe)
	assert.Equal(t, "dial", oe.Op)
	_, err = rt.Run(anet.DialAsync("udp", addr))
	assert.Error(t, err)
}

// countFDs counts the open sockets, epoll instances and eventfds (what
// rt and anet open; the Go runtime's own netpoll pair included) once the
// count is steady (peers of earlier tests may still be closing theirs).
func countFDs(t *testing.T) int {
	count := func() int {
		ents, err := os.ReadDir("/proc/self/fd")
		if err != nil {
			t.Skip("no /proc/self/fd")
		}
		n := 0
		for _, e := range ents {
			l, _ := os.Readlink("/proc/self/fd/" + e.Name())
			if strings.HasPrefix(l, "socket:") || strings.HasPrefix(l, "anon_inode:") {
				n++
			}
		}
		return n
	}
	n := count()
	for i := 0; i < 100; i++ {
		time.Sleep(20 * time.Millisecond)
		m := count()
		if m == n {
			return n
		}
		n = m
	}
	return n
}

// TestNoFDLeak: connections made, used, cancelled, timed out, refused and
// closed, and the loop's own poller, leave no descriptor open.
func TestNoFDLeak(t *testing.T) {
	refused, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	refusedAddr := refused.Addr().String()
	refused.Close()
	runtime.GC()
	before := countFDs(t)
	for range 3 {
		_, err := rt.Run(churnAsync(refusedAddr))
		require.NoError(t, err)
	}
	runtime.GC()
	if !assert.Equal(t, before, countFDs(t)) {
		dumpFDs(t)
	}
}

func dumpFDs(t *testing.T) {
	ents, _ := os.ReadDir("/proc/self/fd")
	for _, e := range ents {
		l, _ := os.Readlink("/proc/self/fd/" + e.Name())
		t.Log(e.Name(), l)
	}
}

// async
func churn(refusedAddr string) error {
	ln, err := anet.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	defer ln.Close()
	addr := ln.Addr().String()
	for i := 0; i < 20; i++ {
		srv := rt.Spawn(echoOneAsync(ln))
		if _, err := echoLines("tcp", addr, []string{"x"}); err != nil {
			return err
		}
		if _, err := rt.Await(srv); err != nil {
			return err
		}
	}
	// A read cancelled by WaitFor, then the connection closed.
	c, err := anet.Dial("tcp", addr)
	if err != nil {
		return err
	}
	s, err := ln.Accept()
	if err != nil {
		return err
	}
	rt.Await(rt.WaitFor(c.ReadAsync(make([]byte, 1)), time.Millisecond))
	c.Close()
	s.Close()
	// An Accept cancelled, a dial refused.
	acc := rt.Spawn(ln.AcceptAsync())
	rt.Sleep(time.Millisecond)
	acc.Cancel()
	rt.Await(acc)
	if _, err := anet.Dial("tcp", refusedAddr); err == nil {
		return errors.New("dial to a closed port succeeded")
	}
	return nil
}

// TestIdleConnectionsNoGoroutines: 1,000 tasks waiting on 1,000 idle
// connections start no goroutine.
func TestIdleConnectionsNoGoroutines(t *testing.T) {
	before := runtime.NumGoroutine()
	res, err := rt.Run(idleAsync(1000))
	require.NoError(t, err)
	assert.Equal(t, 1000, res.waits)
	assert.LessOrEqual(t, res.goroutines, before+helperGoroutines, "goroutines while 1,000 reads wait")
	assert.Equal(t, 1000, res.eofs)
}

type idleResult struct{ waits, goroutines, eofs int }

// async
func readEOF(c *anet.Conn, eofs *int) error {
	defer c.Close()
	_, err := c.Read(make([]byte, 1))
	if err == io.EOF {
		*eofs++
	}
	return nil
}

// async
func idle(n int) (idleResult, error) {
	ln, err := anet.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return idleResult{}, err
	}
	defer ln.Close()
	var clients []*anet.Conn
	var readers []rt.Awaitable[struct{}]
	eofs := 0
	for i := 0; i < n; i++ {
		c, err := anet.Dial("tcp", ln.Addr().String())
		if err != nil {
			return idleResult{}, err
		}
		clients = append(clients, c)
		s, err := ln.Accept()
		if err != nil {
			return idleResult{}, err
		}
		readers = append(readers, rt.Spawn(readEOFAsync(s, &eofs)))
	}
	rt.Sleep(20 * time.Millisecond)
	res := idleResult{waits: rt.CurrentLoop().Stats().IOWaits, goroutines: runtime.NumGoroutine()}
	for _, c := range clients {
		c.Close()
	}
	if _, err := rt.Await(rt.Gather(readers...)); err != nil {
		return idleResult{}, err
	}
	res.eofs = eofs
	return res, nil
}

// TestReadUntilString: a delimiter of several bytes split across reads is
// found; what follows stays buffered; the limit and the end of stream
// work as in ReadUntil.
func TestReadUntilString(t *testing.T) {
	addr := stdServer(t, func(c net.Conn) {
		for _, part := range []string{"head: 1\r", "\n", "\r", "\nbody", strings.Repeat("x", 100), "\r\n\r"} {
			c.Write([]byte(part))
			time.Sleep(2 * time.Millisecond)
		}
	})
	got, err := rt.Run(readBlocksAsync(addr))
	require.NoError(t, err)
	assert.Equal(t, []string{"head: 1\r\n\r\n", "body", "too long", "unexpected EOF: " + strings.Repeat("x", 100) + "\r\n\r"}, got)
}

// async
func readBlocks(addr string) ([]string, error) {
	c, err := anet.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	head, err := c.ReadUntilString("\r\n\r\n")
	if err != nil {
		return nil, err
	}
	body, err := c.ReadExactly(4)
	if err != nil {
		return nil, err
	}
	out := []string{string(head), string(body)}
	c.SetReadLimit(50)
	if _, err := c.ReadUntilString("\r\n\r\n"); errors.Is(err, anet.ErrTooLong) {
		out = append(out, "too long")
	}
	c.SetReadLimit(anet.DefaultReadLimit)
	rest, err := c.ReadUntilString("\r\n\r\n")
	return append(out, fmt.Sprintf("%v: %s", err, rest)), nil
}

// TestReadUntilFunc: the end function sees the buffered bytes as they
// grow, with how many it saw before; the unit it finds is taken, the rest
// stays buffered; the limit and the end of stream work as in ReadUntil.
func TestReadUntilFunc(t *testing.T) {
	addr := stdServer(t, func(c net.Conn) {
		for _, part := range []string{"ab", "c|de", "f||g", strings.Repeat("x", 100)} {
			c.Write([]byte(part))
			time.Sleep(2 * time.Millisecond)
		}
	})
	got, err := rt.Run(readUnitsAsync(addr, t))
	require.NoError(t, err)
	assert.Equal(t, []string{"abc|", "def||", "too long", "unexpected EOF: g" + strings.Repeat("x", 100)}, got)
}

// pipes ends a unit at n pipe characters, and checks that scanned never
// goes backwards or past what it was shown before.
func pipes(n int, t *testing.T) func([]byte, int) int {
	last := 0
	return func(buf []byte, scanned int) int {
		if scanned != 0 && scanned != last {
			t.Errorf("scanned %d, the last buffer had %d bytes", scanned, last)
		}
		last = len(buf)
		if i := bytes.Index(buf, bytes.Repeat([]byte("|"), n)); i >= 0 {
			return i + n
		}
		return -1
	}
}

// async
func readUnits(addr string, t *testing.T) ([]string, error) {
	c, err := anet.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	var out []string
	for _, n := range []int{1, 2} {
		u, err := c.ReadUntilFunc(pipes(n, t))
		if err != nil {
			return nil, err
		}
		out = append(out, string(u))
	}
	c.SetReadLimit(50)
	if _, err := c.ReadUntilFunc(pipes(3, t)); errors.Is(err, anet.ErrTooLong) {
		out = append(out, "too long")
	}
	c.SetReadLimit(anet.DefaultReadLimit)
	rest, err := c.ReadUntilFunc(pipes(3, t))
	return append(out, fmt.Sprintf("%v: %s", err, rest)), nil
}

// TestBufferedUntilFunc: BufferedUntilFunc takes a unit only when the
// bytes read ahead hold all of it, and never waits for more.
func TestBufferedUntilFunc(t *testing.T) {
	release := make(chan struct{})
	addr := stdServer(t, func(c net.Conn) {
		c.Write([]byte("a|b|c"))
		<-release
		c.Write([]byte("|"))
	})
	got, err := rt.Run(readBufferedAsync(addr, t, release))
	require.NoError(t, err)
	assert.Equal(t, []string{"nothing buffered", "a|", "b|", "c not whole", "c|"}, got)
}

// atLeast is an end function that takes nothing once n bytes are
// buffered: ReadUntilFunc with it waits for them.
func atLeast(n int) func([]byte, int) int {
	return func(b []byte, _ int) int {
		if len(b) >= n {
			return 0
		}
		return -1
	}
}

// async
func readBuffered(addr string, t *testing.T, release chan struct{}) ([]string, error) {
	c, err := anet.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	var out []string
	if _, ok := c.BufferedUntilFunc(pipes(1, t)); !ok {
		out = append(out, "nothing buffered")
	}
	u, err := c.ReadUntilFunc(pipes(1, t))
	if err != nil {
		return nil, err
	}
	out = append(out, string(u))
	// Wait until "b|c" is buffered (the server's write may arrive in parts).
	if _, err := c.ReadUntilFunc(atLeast(len("b|c"))); err != nil {
		return nil, err
	}
	if u, ok := c.BufferedUntilFunc(pipes(1, t)); ok {
		out = append(out, string(u))
	}
	if _, ok := c.BufferedUntilFunc(pipes(1, t)); !ok && c.Buffered() == 1 {
		out = append(out, "c not whole")
	}
	close(release)
	if u, err = c.ReadUntilFunc(pipes(1, t)); err != nil {
		return nil, err
	}
	return append(out, string(u)), nil
}

// TestManyReadyAtOnce: when hundreds of sockets become readable at once,
// one poll wakes all of their tasks (the poller takes epoll's events in
// batches of 128 until none is left), not one batch per loop iteration.
// With the portable poller every reader must still be woken, but the
// number of turns is not asserted (see oneTurnWakesAll).
func TestManyReadyAtOnce(t *testing.T) {
	turns, err := rt.Run(manyReadyAsync(300))
	require.NoError(t, err)
	if oneTurnWakesAll {
		assert.LessOrEqual(t, turns, 2, "loop turns until 300 readers that became ready at once were done")
	}
}

// async
func oneByte(c *anet.Conn, done *int) error {
	b := make([]byte, 1)
	if _, err := c.Read(b); err != nil {
		return err
	}
	*done++
	return nil
}

// manyReady parks n readers, makes all n sockets readable at once and
// counts the loop turns until every reader is done.
//
// async
func manyReady(n int) (int, error) {
	ln, err := anet.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	var clients, servers []*anet.Conn
	defer func() {
		for _, c := range append(clients, servers...) {
			c.Close()
		}
	}()
	for range n {
		c, err := anet.Dial("tcp", ln.Addr().String())
		if err != nil {
			return 0, err
		}
		clients = append(clients, c)
		s, err := ln.Accept()
		if err != nil {
			return 0, err
		}
		servers = append(servers, s)
	}
	done := 0
	for _, c := range clients {
		rt.Spawn(oneByteAsync(c, &done))
	}
	rt.Sleep(0)
	rt.Sleep(0) // every reader is parked on the poller
	for _, s := range servers {
		if _, err := s.Write([]byte{1}); err != nil { // never waits: the buffer is empty
			return 0, err
		}
	}
	turns := 0
	for done < n && turns < 100 {
		rt.Sleep(0)
		turns++
	}
	// The portable poller's helper may post the rest later (and on a
	// loaded machine, after the hundred turns): give it real time.
	for waited := 0; done < n && waited < 10_000; waited++ {
		rt.Sleep(time.Millisecond)
	}
	if done < n {
		return turns, fmt.Errorf("%d of %d readers woken", done, n)
	}
	return turns, nil
}

// TestAcceptedAddrs: an accepted connection's local address is the
// listener's, its remote address the dialler's local one.
func TestAcceptedAddrs(t *testing.T) {
	got, err := rt.Run(addrsAsync())
	require.NoError(t, err)
	assert.Equal(t, got[0], got[1], "accepted local = listener")
	assert.Equal(t, got[2], got[3], "accepted remote = dialled local")
}

// async
func addrs() ([]string, error) {
	ln, err := anet.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	defer ln.Close()
	d, err := anet.Dial("tcp", ln.Addr().String())
	if err != nil {
		return nil, err
	}
	defer d.Close()
	a, err := ln.Accept()
	if err != nil {
		return nil, err
	}
	defer a.Close()
	return []string{a.LocalAddr().String(), ln.Addr().String(), a.RemoteAddr().String(), d.LocalAddr().String()}, nil
}
