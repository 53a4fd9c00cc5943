//go:build unix

package bench

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/stretchr/testify/require"
)

// groupLoops is the size of the groups the benchmarks run: one loop per
// core the Go scheduler uses, as RunGroup's default.
func groupLoops() int { return runtime.GOMAXPROCS(0) }

// reportBalance reports how many connections or tasks each loop took.
func reportBalance(b *testing.B, per []int) {
	for i, n := range per {
		b.ReportMetric(float64(n), fmt.Sprintf("loop%d-share", i))
	}
}

// cpuTime returns the process's CPU time so far, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCores runs f and reports the cores the process had while it ran
// (CPU time over wall time, the "cores" metric): on a loaded machine the
// ratio of a group to one loop is bounded by it, whatever rt does.
func reportCores(b *testing.B, f func()) {
	c0, t0 := cpuTime(), time.Now()
	f()
	b.ReportMetric(float64(cpuTime()-c0)/float64(time.Since(t0)), "cores")
}

// BenchmarkGroupEcho: 100 clients each send a 64-byte message to an echo
// server over loopback and read it back, over and over; one op is one
// round trip. "group-reuseport" is a group of GOMAXPROCS loops with a
// listener per loop (SO_REUSEPORT), "group-oneacceptor" the same with one
// acceptor handing connections round robin; the clients are spread over
// the loops too. "oneloop" runs everything on one loop, "goroutine" is
// net.Conn with a goroutine per connection on each end.
func BenchmarkGroupEcho(b *testing.B) {
	const conns, size = 100, 64
	for _, one := range []bool{false, true} {
		name := "group-reuseport"
		if one {
			name = "group-oneacceptor"
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			rounds := b.N/conns + 1
			b.ResetTimer()
			var per []int
			reportCores(b, func() {
				var err error
				per, err = rt.RunGroup(echoGroupAsync(conns, rounds, size, one), rt.Loops(groupLoops()))
				require.NoError(b, err)
			})
			b.StopTimer()
			reportBalance(b, per)
		})
	}
	b.Run("oneloop", func(b *testing.B) {
		b.ReportAllocs()
		rounds := b.N/conns + 1
		b.ResetTimer()
		reportCores(b, func() {
			_, err := rt.Run(echoRoundsAsync(conns, rounds, size))
			require.NoError(b, err)
		})
	})
	b.Run("goroutine", func(b *testing.B) {
		b.ReportAllocs()
		rounds := b.N/conns + 1
		b.ResetTimer()
		reportCores(b, func() { require.NoError(b, goroutineEcho(conns, rounds, size)) })
	})
}

// BenchmarkCrossLoop: a task on loop 0 submits a trivial coroutine to
// loop 1 and awaits its result; one op is one call. "await1" makes one
// call at a time (two inbox hand-overs, each loop sleeping in epoll in
// between), "pipelined64" submits 64 before awaiting them. The goroutine
// side sends a request to another goroutine over a channel and receives
// the reply on another, one at a time or 64 in flight.
func BenchmarkCrossLoop(b *testing.B) {
	for _, batch := range []int{1, 64} {
		b.Run(fmt.Sprintf("submit/batch=%d", batch), func(b *testing.B) {
			b.ReportAllocs()
			_, err := rt.RunGroup(rt.Func(func() (struct{}, error) { return struct{}{}, nil }), rt.Loops(2))
			require.NoError(b, err)
			b.ResetTimer()
			_, err = rt.RunGroup(submitRoundTripsAsync(b.N, batch), rt.Loops(2))
			require.NoError(b, err)
		})
		b.Run(fmt.Sprintf("goroutine-chan/batch=%d", batch), func(b *testing.B) {
			b.ReportAllocs()
			req, rep := make(chan int, batch), make(chan int, batch)
			var wg sync.WaitGroup
			wg.Add(1)
			go func() {
				defer wg.Done()
				for x := range req {
					rep <- x + 1
				}
			}()
			for done := 0; done < b.N; done += batch {
				for i := 0; i < batch; i++ {
					req <- i
				}
				for i := 0; i < batch; i++ {
					<-rep
				}
			}
			close(req)
			wg.Wait()
		})
	}
}

// BenchmarkGroupSpawn100k: 100,000 trivial tasks in task groups, spread
// over a group of GOMAXPROCS loops (each loop spawns its share), on one
// loop, and as goroutines with a WaitGroup. One op is the whole 100,000.
func BenchmarkGroupSpawn100k(b *testing.B) {
	b.Run("group", func(b *testing.B) {
		b.ReportAllocs()
		var per []int
		reportCores(b, func() {
			for i := 0; i < b.N; i++ {
				var err error
				per, err = rt.RunGroup(spreadGroupAsync(timersN), rt.Loops(groupLoops()))
				require.NoError(b, err)
			}
		})
		b.StopTimer()
		reportBalance(b, per)
	})
	b.Run("oneloop", func(b *testing.B) {
		b.ReportAllocs()
		reportCores(b, func() {
			for i := 0; i < b.N; i++ {
				_, err := rt.Run(bigGroupAsync(timersN))
				require.NoError(b, err)
			}
		})
	})
	b.Run("goroutine", func(b *testing.B) {
		b.ReportAllocs()
		reportCores(b, func() {
			for i := 0; i < b.N; i++ {
				var wg sync.WaitGroup
				wg.Add(timersN)
				for j := 0; j < timersN; j++ {
					go wg.Done()
				}
				wg.Wait()
			}
		})
	})
}

// spinSink keeps the goroutines' spin results, so none is optimized away.
var spinSink atomic.Uint64

// BenchmarkGroupCPU is the control for BenchmarkGroupSpawn100k: work that
// neither allocates nor touches memory (spinSteps steps of arithmetic),
// spread over a group of GOMAXPROCS loops, on one loop, and split over
// GOMAXPROCS goroutines. The group's speed-up over one loop here is what
// the machine gives at the moment (on a loaded machine, less than its
// core count); a spawn or echo speed-up is to be judged against it. One
// op is the whole work.
func BenchmarkGroupCPU(b *testing.B) {
	const spinSteps = 20_000_000
	b.Run("group", func(b *testing.B) {
		var per []int
		reportCores(b, func() {
			for i := 0; i < b.N; i++ {
				var err error
				per, err = rt.RunGroup(spreadSpinAsync(spinSteps), rt.Loops(groupLoops()))
				require.NoError(b, err)
			}
		})
		b.StopTimer()
		reportBalance(b, per)
	})
	b.Run("oneloop", func(b *testing.B) {
		reportCores(b, func() {
			for i := 0; i < b.N; i++ {
				_, err := rt.Run(spinShareAsync(spinSteps))
				require.NoError(b, err)
			}
		})
	})
	b.Run("goroutines", func(b *testing.B) {
		reportCores(b, func() {
			for i := 0; i < b.N; i++ {
				k := groupLoops()
				var wg sync.WaitGroup
				wg.Add(k)
				for j := 0; j < k; j++ {
					go func() { defer wg.Done(); spinSink.Add(spin(spinSteps / k)) }()
				}
				wg.Wait()
			}
		})
	})
}
