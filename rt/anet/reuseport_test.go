//go:build linux

package anet_test

import (
	"bufio"
	"errors"
	"fmt"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/anet"
	"github.com/stretchr/testify/require"
)

// shard is one loop of a server sharded over loops: it listens on addr
// with SO_REUSEPORT and answers each connection with its name, until
// *served reaches total. It reports the address it is bound to with
// bound, which must not block.
//
// async
func shard(name, addr string, served *atomic.Int64, total int64, bound func(string)) error {
	ln, err := anet.ListenConfig{ReusePort: true}.Listen("tcp", addr)
	if err != nil {
		return err
	}
	defer ln.Close()
	bound(ln.Addr().String())
	for served.Load() < total {
		c, err := rt.Await(rt.WaitFor(ln.AcceptAsync(), 20*time.Millisecond))
		if errors.Is(err, rt.ErrTimeout) {
			continue // the other loop may have served the last one
		}
		if err != nil {
			return err
		}
		served.Add(1)
		_, err = c.Write([]byte(name + "\n"))
		c.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// TestListenReusePort: two loops, each on its own goroutine, listen on
// the same port with ReusePort; the kernel spreads 200 connections over
// both (the odds that one loop gets none are 2^-199).
func TestListenReusePort(t *testing.T) {
	const total = 200
	var served atomic.Int64
	bound := make(chan string, 2)
	errs := make([]error, 2)
	var wg sync.WaitGroup
	start := func(i int, addr string) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = rt.Run(shardAsync(fmt.Sprint("loop", i), addr, &served, total, func(a string) { bound <- a }))
		}()
	}
	start(0, "127.0.0.1:0")
	addr := <-bound
	start(1, addr)
	require.Equal(t, addr, <-bound, "the second listener shares the port")

	count := map[string]int{}
	for i := 0; i < total; i++ {
		c, err := net.Dial("tcp", addr)
		require.NoError(t, err)
		line, err := bufio.NewReader(c).ReadString('\n')
		c.Close()
		require.NoError(t, err)
		count[strings.TrimSpace(line)]++
	}
	wg.Wait()
	require.NoError(t, errors.Join(errs...))
	require.Equal(t, total, count["loop0"]+count["loop1"])
	require.NotZero(t, count["loop0"], "loop0 accepted nothing: %v", count)
	require.NotZero(t, count["loop1"], "loop1 accepted nothing: %v", count)
}

// async
func listenTwice(addr string, reuse bool) error {
	a, err := anet.ListenConfig{ReusePort: reuse}.Listen("tcp", addr)
	if err != nil {
		return err
	}
	defer a.Close()
	b, err := anet.ListenConfig{ReusePort: reuse}.Listen("tcp", a.Addr().String())
	if err != nil {
		return err
	}
	return b.Close()
}

// TestListenWithoutReusePort: without the option a second listener on the
// same port fails, as in net.
func TestListenWithoutReusePort(t *testing.T) {
	_, err := rt.Run(listenTwiceAsync("127.0.0.1:0", false))
	require.Error(t, err)
	_, err = rt.Run(listenTwiceAsync("127.0.0.1:0", true))
	require.NoError(t, err)
}
