package bench

import (
	"sync"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/stretchr/testify/require"
)

const timersN = 100_000

// BenchmarkTimers100k: 100,000 tasks sleeping up to 10ms (real clock) or
// up to an hour (virtual clock), against 100,000 goroutines in time.Sleep.
// One op is the whole batch.
func BenchmarkTimers100k(b *testing.B) {
	b.Run("coroutine-real", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			_, err := rt.Run(manyTimersAsync(timersN, 10*time.Millisecond))
			require.NoError(b, err)
		}
	})
	b.Run("coroutine-virtual", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			_, err := rt.Run(manyTimersAsync(timersN, time.Hour), rt.VirtualTime())
			require.NoError(b, err)
		}
	})
	b.Run("goroutine", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			var wg sync.WaitGroup
			wg.Add(timersN)
			for j := 0; j < timersN; j++ {
				go func(d time.Duration) {
					defer wg.Done()
					time.Sleep(d)
				}(10 * time.Millisecond * time.Duration(j%1000) / 1000)
			}
			wg.Wait()
		}
	})
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
