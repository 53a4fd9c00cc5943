package bench

import (
	"sync"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/stretchr/testify/require"
)

const timersN = 100_000

// BenchmarkTimers: n tasks sleeping up to 10ms (real clock) or up to an
// hour (virtual clock), against n goroutines in time.Sleep and n
// hand-written sleepers on the floor loop's virtual clock (floor.go), for
// n = 100,000 and 1,000,000: the cost per timer (ns/timer) should not grow
// with n. One op is the whole batch.
func BenchmarkTimers(b *testing.B) {
	for _, n := range []int{timersN, 1_000_000} {
		name := map[int]string{timersN: "n=100k", 1_000_000: "n=1M"}[n]
		perTimer := func(b *testing.B) {
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/timer")
		}
		b.Run(name+"/floor-virtual", func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				floorTimers(n, int64(time.Hour))
			}
			perTimer(b)
		})
		b.Run(name+"/coroutine-real", func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				_, err := rt.Run(manyTimersAsync(n, 10*time.Millisecond))
				require.NoError(b, err)
			}
			perTimer(b)
		})
		b.Run(name+"/coroutine-virtual", func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				_, err := rt.Run(manyTimersAsync(n, time.Hour), rt.VirtualTime())
				require.NoError(b, err)
			}
			perTimer(b)
		})
		b.Run(name+"/goroutine", func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				var wg sync.WaitGroup
				wg.Add(n)
				for j := 0; j < n; j++ {
					go func(d time.Duration) {
						defer wg.Done()
						time.Sleep(d)
					}(10 * time.Millisecond * time.Duration(j%1000) / 1000)
				}
				wg.Wait()
			}
			perTimer(b)
		})
	}
}

// BenchmarkTaskGroup100k: one group of 100,000 trivial children against
// 100,000 goroutines and a WaitGroup. One op is the whole group.
func BenchmarkTaskGroup100k(b *testing.B) {
	b.Run("coroutine", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			_, err := rt.Run(bigGroupAsync(timersN))
			require.NoError(b, err)
		}
	})
	b.Run("goroutine", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			var wg sync.WaitGroup
			wg.Add(timersN)
			for j := 0; j < timersN; j++ {
				go wg.Done()
			}
			wg.Wait()
		}
	})
}
