package bench

import (
	"iter"
	"runtime"
	"sync"
	"testing"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/stretchr/testify/require"
)

// BenchmarkYield: two tasks take turns, each yielding to the other
// (rt.Sleep(0) / runtime.Gosched with GOMAXPROCS=1). One op is one switch.
// This is the bare cost of suspending one coroutine and resuming another.
// The floor is the same pair of tasks as hand-written state machines on
// the smallest loop (floor.go). iter.Pull is Go's own coroutine switch: a
// task pulls from an iterator, and each pull is two switches (into the
// iterator and back), so one op there is half a pull.
//
// What rt does per switch beyond the floor: the sleep's AwaitStart and
// AwaitResult through the Awaitable interface, the frame's Resume through
// the Frame interface (and its Unwinding check), the task's step loop with
// its deferred recover, and the loop turn's bookkeeping (inbox, timers,
// I/O).
func BenchmarkYield(b *testing.B) {
	b.Run("floor", func(b *testing.B) {
		b.ReportAllocs()
		floorYieldPair(b.N/2 + 1)
	})
	b.Run("iter.Pull", func(b *testing.B) {
		b.ReportAllocs()
		n := b.N/2 + 1
		next, stop := iter.Pull(func(yield func(int) bool) {
			for i := 0; i < n; i++ {
				if !yield(i) {
					return
				}
			}
		})
		defer stop()
		s := 0
		for {
			v, ok := next()
			if !ok {
				break
			}
			s += v
		}
		require.Equal(b, n*(n-1)/2, s)
	})
	b.Run("coroutine", func(b *testing.B) {
		b.ReportAllocs()
		_, err := rt.Run(yieldPairAsync(b.N/2 + 1))
		require.NoError(b, err)
	})
	b.Run("goroutine", func(b *testing.B) {
		b.ReportAllocs()
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
		n := b.N/2 + 1
		var wg sync.WaitGroup
		wg.Add(2)
		for k := 0; k < 2; k++ {
			go func() {
				defer wg.Done()
				for i := 0; i < n; i++ {
					runtime.Gosched()
				}
			}()
		}
		wg.Wait()
	})
}

// BenchmarkSwitch: two coroutines hand a value back and forth through
// futures; the goroutine side does the same over unbuffered channels.
// One op is one switch (one suspension and one wake-up).
func BenchmarkSwitch(b *testing.B) {
	b.Run("coroutine", func(b *testing.B) {
		b.ReportAllocs()
		rounds := b.N/2 + 1
		n, err := rt.Run(pingPongAsync(rounds))
		require.NoError(b, err)
		require.Equal(b, 4*rounds-3, n)
	})
	b.Run("goroutine", func(b *testing.B) {
		b.ReportAllocs()
		rounds := b.N/2 + 1
		a, c := make(chan int), make(chan int)
		var wg sync.WaitGroup
		wg.Add(2)
		play := func(me, peer chan int, first bool) {
			defer wg.Done()
			v := 0
			for i := 0; i < rounds; i++ {
				v = <-me
				if !(i == rounds-1 && !first) {
					peer <- v + 1
				}
			}
		}
		go play(a, c, true)
		go play(c, a, false)
		a <- 0
		wg.Wait()
	})
}

// BenchmarkSpawnAwait: start a trivial task, wait for its result. The
// floor allocates one object per task (its frame and its task in one), and
// so does rt: rt.Spawn(identityAsync(i)) is generated as ag_0spawn_identity,
// whose rt.SpawnFrame allocates the 128-byte Coro, the result and the
// 24-byte frame together (160 B). The remaining time is mostly the
// collector's (allocation, span scanning, write barriers on the task's
// links) and the task's bookkeeping: its place in the loop's list of live
// tasks, the ready queue, the step loop's deferred recover.
func BenchmarkSpawnAwait(b *testing.B) {
	b.Run("floor", func(b *testing.B) {
		b.ReportAllocs()
		require.Equal(b, b.N*(b.N-1)/2, floorSpawnAwait(b.N))
	})
	b.Run("coroutine", func(b *testing.B) {
		b.ReportAllocs()
		_, err := rt.Run(spawnAwaitAsync(b.N))
		require.NoError(b, err)
	})
	b.Run("goroutine", func(b *testing.B) {
		b.ReportAllocs()
		ch := make(chan int)
		sum := 0
		for i := 0; i < b.N; i++ {
			go func(x int) { ch <- x }(i)
			sum += <-ch
		}
	})
}

const parkedN = 100_000

func heapNow() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	// Stacks count: a parked goroutine's cost is mostly its stack.
	return m.HeapAlloc + m.StackInuse
}

// BenchmarkParkedMemory: memory held per parked task, 100k of them
// waiting on one future, against 100k goroutines blocked on a channel and
// 100k hand-written state machines parked on a future (the floor). An rt
// task here is one 176-byte object (Coro, result and the 40-byte frame of
// parked; TestTaskSize guards it) where the floor's is a 48-byte frame;
// both add the waiter's slot on the future and the task's slot in the
// slice that holds them.
func BenchmarkParkedMemory(b *testing.B) {
	b.Run("floor", func(b *testing.B) {
		var per float64
		for i := 0; i < b.N; i++ {
			before := heapNow()
			n := floorParkMany(parkedN, func() {
				per = float64(heapNow()-before) / parkedN
			})
			require.Equal(b, parkedN, n)
		}
		b.ReportMetric(per, "B/parked")
	})
	b.Run("coroutine", func(b *testing.B) {
		var per float64
		for i := 0; i < b.N; i++ {
			before := heapNow()
			_, err := rt.Run(parkManyAsync(parkedN, func() {
				per = float64(heapNow()-before) / parkedN
			}))
			require.NoError(b, err)
		}
		b.ReportMetric(per, "B/parked")
	})
	b.Run("goroutine", func(b *testing.B) {
		var per float64
		for i := 0; i < b.N; i++ {
			before := heapNow()
			release := make(chan struct{})
			var started, done sync.WaitGroup
			started.Add(parkedN)
			done.Add(parkedN)
			for j := 0; j < parkedN; j++ {
				go func() {
					started.Done()
					<-release
					done.Done()
				}()
			}
			started.Wait()
			per = float64(heapNow()-before) / parkedN
			close(release)
			done.Wait()
		}
		b.ReportMetric(per, "B/parked")
	})
}

// BenchmarkDeepResume: one op is one suspension and resumption of a
// coroutine that is depth async calls deep. The cost does not grow with
// depth: a task resumes its innermost frame directly.
func BenchmarkDeepResume(b *testing.B) {
	for _, depth := range []int{1, 1000} {
		b.Run(map[int]string{1: "depth=1", 1000: "depth=1000"}[depth], func(b *testing.B) {
			b.ReportAllocs()
			n, err := rt.Run(deepAsync(depth, b.N))
			require.NoError(b, err)
			require.Equal(b, b.N, n)
		})
	}
}

// TestNoGoroutinePerCoroutine runs 10,000 concurrent tasks and checks, while
// all of them are parked, that no goroutine was started for them.
func TestNoGoroutinePerCoroutine(t *testing.T) {
	before := runtime.NumGoroutine()
	var during int
	n, err := rt.Run(parkManyAsync(10_000, func() { during = runtime.NumGoroutine() }))
	require.NoError(t, err)
	require.Equal(t, 10_000, n)
	// At most as many: a goroutine another test left behind may end
	// meanwhile, but none may start for the tasks.
	require.LessOrEqual(t, during, before)
}

// TestPlainMatchesAsync: the natural functions, run as plain Go, agree with
// their coroutines.
func TestPlainMatchesAsync(t *testing.T) {
	got, err := rt.Run(deepAsync(50, 3))
	require.NoError(t, err)
	require.Equal(t, deep(50, 3), got)
	sum, err := rt.Run(spawnAwaitAsync(10))
	require.NoError(t, err)
	require.Equal(t, 45, sum)
}

// BenchmarkGenItem: one op is one item handed from a producer to a
// consumer loop: an async generator ranged over in async code (its frame
// pushed and detached per item, on the consumer's task), a plain iterator
// pulled with iter.Pull in async code, and a goroutine sending on a
// channel.
func BenchmarkGenItem(b *testing.B) {
	sum := func(n int) int { return n * (n - 1) / 2 }
	b.Run("async generator", func(b *testing.B) {
		b.ReportAllocs()
		s, err := rt.Run(sumGenAsync(b.N))
		require.NoError(b, err)
		require.Equal(b, sum(b.N), s)
	})
	b.Run("iter.Pull", func(b *testing.B) {
		b.ReportAllocs()
		s, err := rt.Run(sumPullAsync(b.N))
		require.NoError(b, err)
		require.Equal(b, sum(b.N), s)
	})
	b.Run("goroutine", func(b *testing.B) {
		b.ReportAllocs()
		ch := make(chan int)
		go func() {
			for i := 0; i < b.N; i++ {
				ch <- i
			}
			close(ch)
		}()
		s := 0
		for v := range ch {
			s += v
		}
		require.Equal(b, sum(b.N), s)
	})
}
