//go:build unix

package ajobs

import (
	"flag"
	"runtime"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/aredis"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var hundredK = flag.Bool("ajobs.100k", false, "TestBoundedMemory drains 100,000 jobs (default 20,000)")

// drainMeasured drains 2,000 jobs, then n, on one loop (and one pool of
// connections), and reads the live heap after each.
//
// async
func drainMeasured(cl *aredis.Client, q *Queue, n int, base, after *uint64) error {
	if err := drain(cl, q, 2000); err != nil {
		return err
	}
	*base = liveHeap()
	if err := drain(cl, q, n); err != nil {
		return err
	}
	*after = liveHeap()
	return nil
}

func liveHeap() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// TestBoundedMemory drains 20,000 trivial jobs (100,000 with
// -ajobs.100k) through a producer and a worker on one loop, 100 in
// flight, and checks that what they keep does not grow with the jobs
// that passed: the live heap after them is within 1 MiB of the heap
// after a warm-up of 2,000. The bound: a job in flight holds about 540
// B of live heap (TestInFlightMemory), and bench/jobs measured a worker
// process at 1.1 to 1.3 KB per sleeping job, so 100 in flight hold well
// under 260 KB; 1 MiB is four times that, and a leak of 50 bytes a job
// (10 with -ajobs.100k) exceeds it. Redis keeps no stream entry of a finished job (XDEL at completion)
// and a result only for its TTL.
func TestBoundedMemory(t *testing.T) {
	n := 20000
	if *hundredK {
		n = 100000
	}
	srv, _ := startRedis(t)
	// With a CommandTimeout, as in production: a finished command's
	// deadline timer is stale and dropped from the loop's heap, not kept
	// until due (aredis's TestCommandTimeoutTimersDropped).
	cl := aredis.New(aredis.Options{Addr: srv.Socket(), PoolSize: 16, CommandTimeout: 10 * time.Second})
	defer cl.Close()
	q := NewQueue(cl, "mem")
	var base, after uint64
	_, err := rt.Run(drainMeasuredAsync(cl, q, n, &base, &after))
	require.NoError(t, err)
	t.Logf("%d jobs: live heap %d KB after the warm-up, %d KB after them", n, base/1024, after/1024)
	assert.Less(t, int64(after)-int64(base), int64(1<<20), "live heap grew with the jobs that passed")

	xlen, err := cl.Int("XLEN", q.stream())
	require.NoError(t, err)
	assert.Zero(t, xlen, "the stream keeps entries of finished jobs")
	dbsize, err := cl.Int("DBSIZE")
	require.NoError(t, err)
	assert.LessOrEqual(t, dbsize, int64(2*(n+2000)+10), "keys beyond a hash and a done list per job")
}
