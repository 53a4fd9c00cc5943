//go:build unix

package bench

import (
	"errors"
	"io"
	"net"
	"runtime"
	"sync"
	"testing"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/stretchr/testify/require"
)

// BenchmarkEchoRoundTrip: conns clients each send a 64-byte message to an
// echo server over loopback and read it back, over and over. One op is
// one round trip. asyncgen runs the server, its handlers and the clients
// as tasks on one loop over rt/anet; the goroutine side is net.Conn with a
// goroutine per connection on each end. Both pay the same system calls;
// the difference is the scheduling and what a waiting connection costs.
// With 100 connections, "coroutine-2loops" shards them over two loops on
// two goroutines, one per core, as the goroutine side uses both cores.
func BenchmarkEchoRoundTrip(b *testing.B) {
	const size = 64
	for _, conns := range []int{1, 100} {
		b.Run(name("coroutine", conns), func(b *testing.B) {
			b.ReportAllocs()
			rounds := b.N/conns + 1
			b.ResetTimer()
			_, err := rt.Run(echoRoundsAsync(conns, rounds, size))
			require.NoError(b, err)
		})
		if conns > 1 {
			// One loop per core: two loops, each on its own goroutine
			// with half the connections (and its own listener), as a
			// server sharded over cores runs.
			b.Run(name("coroutine-2loops", conns), func(b *testing.B) {
				b.ReportAllocs()
				rounds := b.N/conns + 1
				b.ResetTimer()
				var wg sync.WaitGroup
				errs := make([]error, 2)
				for i := range errs {
					wg.Add(1)
					go func() {
						defer wg.Done()
						_, errs[i] = rt.Run(echoRoundsAsync(conns/2, rounds, size))
					}()
				}
				wg.Wait()
				require.NoError(b, errors.Join(errs...))
			})
		}
		b.Run(name("goroutine", conns), func(b *testing.B) {
			b.ReportAllocs()
			rounds := b.N/conns + 1
			b.ResetTimer()
			require.NoError(b, goroutineEcho(conns, rounds, size))
		})
	}
}

func name(side string, conns int) string {
	return side + "/conns=" + itoa(conns)
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

func goroutineEcho(conns, rounds, size int) error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go goroutineEchoServe(c)
		}
	}()
	msg := make([]byte, size)
	errs := make(chan error, conns)
	var wg sync.WaitGroup
	for i := 0; i < conns; i++ {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			return err
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer c.Close()
			buf := make([]byte, size)
			for j := 0; j < rounds; j++ {
				if _, err := c.Write(msg); err != nil {
					errs <- err
					return
				}
				if _, err := io.ReadFull(c, buf); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	return <-errs
}

// BenchmarkIdleConns: memory held per idle connection (both ends, plus
// whatever waits on it), 1,000 at a time: tasks parked on the poller
// against goroutines parked in net.Conn.Read. One op is 1,000
// connections opened, held and closed; the B/conn metric is the heap and
// stack in use while they wait, divided by 1,000.
func BenchmarkIdleConns(b *testing.B) {
	const conns = 1000
	b.Run("coroutine", func(b *testing.B) {
		b.ReportAllocs()
		var held uint64
		for i := 0; i < b.N; i++ {
			base := inUse()
			_, err := rt.Run(holdIdleAsync(conns, func() { held += inUse() - base }))
			require.NoError(b, err)
		}
		b.ReportMetric(float64(held)/float64(b.N*conns), "B/conn")
	})
	b.Run("goroutine", func(b *testing.B) {
		b.ReportAllocs()
		var held uint64
		for i := 0; i < b.N; i++ {
			base := inUse()
			require.NoError(b, goroutineIdle(conns, func() { held += inUse() - base }))
		}
		b.ReportMetric(float64(held)/float64(b.N*conns), "B/conn")
	})
}

// inUse is the heap and goroutine stack memory in use.
func inUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse + m.StackInuse
}

func goroutineIdle(conns int, measure func()) error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	defer ln.Close()
	var wg sync.WaitGroup
	accepted := make(chan struct{})
	go func() {
		for i := 0; i < conns; i++ {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Add(1)
			go func() { // the server side waits for a request
				defer wg.Done()
				goroutineEchoServe(c)
			}()
		}
		close(accepted)
	}()
	clients := make([]net.Conn, conns)
	for i := range clients {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			return err
		}
		clients[i] = c
	}
	<-accepted
	measure()
	for _, c := range clients {
		c.Close()
	}
	wg.Wait()
	return nil
}

// goroutineEchoServe is echoServe on a goroutine, with the same buffer.
func goroutineEchoServe(c net.Conn) {
	defer c.Close()
	buf := make([]byte, 4096)
	for {
		n, err := c.Read(buf)
		if err != nil {
			return
		}
		if _, err := c.Write(buf[:n]); err != nil {
			return
		}
	}
}
