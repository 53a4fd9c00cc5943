//go:build unix

package aredis_test

import (
	"runtime"
	"testing"

	"github.com/asyncgen/asyncgen/internal/redistest"
	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/aredis"
)

// allocated runs f and returns what the process allocated meanwhile.
func allocated(f func()) (bytes, count uint64) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc, after.Mallocs - before.Mallocs
}

// perReply is the cost of 256 more replies, per reply: run(257) less
// run(1) (each a loop of its own, dialing its connection), the least of
// three tries (a background allocation of the runtime's can only add).
func perReply(t *testing.T, run func(n int) error) (bytes, count float64) {
	bytes, count = 1e18, 1e18
	for range 3 {
		var err1, err2 error
		b1, c1 := allocated(func() { err1 = run(1) })
		b2, c2 := allocated(func() { err2 = run(257) })
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		bytes = min(bytes, (float64(b2)-float64(b1))/256)
		count = min(count, (float64(c2)-float64(c1))/256)
	}
	return bytes, count
}

// TestReplyAllocs guards what a reply costs the client beyond its
// parse (TestParseAllocs). In a pipeline, the replies after the first
// are mostly found already buffered: those found at once are parsed
// without a coroutine, into one copy of their bytes and one backing
// array of Values, so a reply costs a small fraction of an allocation.
// A command of its own costs the coroutines of exec, the read and the
// socket's, their deferred call and cells, the loop's lookup, the
// arguments and the socket read's address: 16 allocations (measured).
func TestReplyAllocs(t *testing.T) {
	if raceOn {
		t.Skip("allocation counts do not hold under the race detector")
	}
	srv := redistest.Start(t)
	cl := aredis.New(aredis.Options{Addr: srv.Socket()})
	defer cl.Close()
	if _, err := cl.Do("SET", "k", "0123456789abcdef"); err != nil {
		t.Fatal(err)
	}
	pipeline := func(args ...any) func(int) error {
		return func(n int) error {
			p := cl.Pipeline()
			for range n {
				p.Add(args...)
			}
			_, err := rt.Run(p.ExecAsync())
			return err
		}
	}
	for _, c := range []struct {
		name     string
		run      func(int) error
		maxCount float64
	}{
		{"pipelined GET (bulk)", pipeline("GET", "k"), 0.5},
		{"pipelined SET (simple)", pipeline("SET", "k", "0123456789abcdef"), 0.5},
		{"pipelined HMGET of 4 (array)", pipeline("HMGET", "h", "type", "args", "timeout", "tries"), 0.5},
		{"GET (bulk), one round trip each", func(n int) error { _, err := rt.Run(getsAsync(cl, 1, n)); return err }, 16.5},
	} {
		bytes, count := perReply(t, c.run)
		t.Logf("%s: %.1f allocations, %.0f B per reply", c.name, count, bytes)
		if count > c.maxCount {
			t.Errorf("%s: %.1f allocations per reply, want at most %.1f", c.name, count, c.maxCount)
		}
	}
}
