//go:build unix

package aredis_test

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"strconv"
	"sync"
	"testing"

	"github.com/asyncgen/asyncgen/internal/redistest"
	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/aredis"
)

// BenchmarkRoundTrip measures GET of a 16-byte value, one command per
// round trip, against the same private redis-server: aredis on one loop
// with n tasks sharing a pool of n connections, beside a plain blocking
// RESP client on net.Conn with n goroutines, each with its connection.
func BenchmarkRoundTrip(b *testing.B) {
	srv := redistest.Start(b)
	setup := aredis.New(aredis.Options{Addr: srv.Socket()})
	if _, err := setup.Do("SET", "k", "0123456789abcdef"); err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{1, 16} {
		b.Run(fmt.Sprintf("aredis/tasks=%d", n), func(b *testing.B) {
			cl := aredis.New(aredis.Options{Addr: srv.Socket(), PoolSize: n})
			if _, err := rt.Run(getsAsync(cl, n, 1)); err != nil { // connect outside the timing
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			if _, err := rt.Run(getsAsync(cl, n, b.N)); err != nil {
				b.Fatal(err)
			}
		})
		b.Run(fmt.Sprintf("netconn/goroutines=%d", n), func(b *testing.B) {
			conns := make([]*respConn, n)
			for i := range conns {
				c, err := net.Dial("unix", srv.Socket())
				if err != nil {
					b.Fatal(err)
				}
				defer c.Close()
				conns[i] = &respConn{c: c, r: bufio.NewReader(c)}
			}
			b.ReportAllocs()
			b.ResetTimer()
			var wg sync.WaitGroup
			errs := make(chan error, n)
			for i, rc := range conns {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for range share(b.N, n, i) {
						if _, err := rc.get("k"); err != nil {
							errs <- err
							return
						}
					}
				}()
			}
			wg.Wait()
			close(errs)
			if err := <-errs; err != nil {
				b.Fatal(err)
			}
		})
	}
}

// share is worker i's part of total over n workers.
func share(total, n, i int) int {
	s := total / n
	if i < total%n {
		s++
	}
	return s
}

// gets runs total GETs over n tasks.
//
// async
func gets(cl *aredis.Client, n, total int) (int, error) {
	tasks := make([]rt.Awaitable[int], n)
	for i := range n {
		tasks[i] = rt.Spawn(getLoopAsync(cl, share(total, n, i)))
	}
	done, err := rt.Await(rt.Gather(tasks...))
	return len(done), err
}

// getLoop GETs k count times.
//
// async
func getLoop(cl *aredis.Client, count int) (int, error) {
	for range count {
		v, err := cl.Do("GET", "k")
		if err != nil {
			return 0, err
		}
		if len(v.Str) != 16 {
			return 0, fmt.Errorf("GET k: %q", v.Str)
		}
	}
	return count, nil
}

// respConn is the plain blocking client: write a command, read a bulk
// string reply with bufio.
type respConn struct {
	c   net.Conn
	r   *bufio.Reader
	buf []byte
}

func (rc *respConn) get(key string) ([]byte, error) {
	rc.buf = append(rc.buf[:0], "*2\r\n$3\r\nGET\r\n$"...)
	rc.buf = strconv.AppendInt(rc.buf, int64(len(key)), 10)
	rc.buf = append(rc.buf, "\r\n"...)
	rc.buf = append(rc.buf, key...)
	rc.buf = append(rc.buf, "\r\n"...)
	if _, err := rc.c.Write(rc.buf); err != nil {
		return nil, err
	}
	line, err := rc.r.ReadSlice('\n')
	if err != nil {
		return nil, err
	}
	if len(line) < 4 || line[0] != '$' {
		return nil, fmt.Errorf("reply %q", line)
	}
	n, err := strconv.Atoi(string(line[1 : len(line)-2]))
	if err != nil {
		return nil, err
	}
	body := make([]byte, n+2)
	if _, err := io.ReadFull(rc.r, body); err != nil {
		return nil, err
	}
	return body[:n], nil
}
