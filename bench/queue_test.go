package bench

import (
	"runtime"
	"sync"
	"testing"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/stretchr/testify/require"
)

// BenchmarkQueuePingPong: two tasks hand a value back and forth through
// two rt.Queues of capacity 1; the goroutine side does the same over two
// channels of capacity 1. One op is one hand-over (a Get that parks and
// the Put that wakes it).
func BenchmarkQueuePingPong(b *testing.B) {
	b.Run("coroutine", func(b *testing.B) {
		b.ReportAllocs()
		rounds := b.N/2 + 1
		n, err := rt.Run(queuePingPongAsync(rounds))
		require.NoError(b, err)
		require.Equal(b, 4*rounds-3, n)
	})
	b.Run("goroutine", func(b *testing.B) {
		b.ReportAllocs()
		rounds := b.N/2 + 1
		a, c := make(chan int, 1), make(chan int, 1)
		var wg sync.WaitGroup
		wg.Add(2)
		play := func(in, out chan int) {
			defer wg.Done()
			for i := 0; i < rounds; i++ {
				out <- <-in + 1
			}
		}
		go play(a, c)
		go play(c, a)
		a <- 0
		wg.Wait()
	})
}

// BenchmarkLockHandOff: two tasks take turns holding one rt.Lock, each
// yielding while it holds it, so every release hands the lock to the
// waiting task; the goroutine side does the same with a sync.Mutex and
// runtime.Gosched (GOMAXPROCS unchanged). One op is one acquisition.
func BenchmarkLockHandOff(b *testing.B) {
	b.Run("coroutine", func(b *testing.B) {
		b.ReportAllocs()
		n := b.N/2 + 1
		held, err := rt.Run(lockHandOffAsync(n))
		require.NoError(b, err)
		require.Equal(b, 2*n, held)
	})
	b.Run("goroutine", func(b *testing.B) {
		b.ReportAllocs()
		n := b.N/2 + 1
		var mu sync.Mutex
		var wg sync.WaitGroup
		wg.Add(2)
		held := 0
		for k := 0; k < 2; k++ {
			go func() {
				defer wg.Done()
				for i := 0; i < n; i++ {
					mu.Lock()
					held++
					runtime.Gosched()
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		require.Equal(b, 2*n, held)
	})
}

// TestQueuePingPong checks the benchmarks' programs once.
func TestQueuePingPong(t *testing.T) {
	n, err := rt.Run(queuePingPongAsync(10))
	require.NoError(t, err)
	require.Equal(t, 37, n)
	held, err := rt.Run(lockHandOffAsync(10))
	require.NoError(t, err)
	require.Equal(t, 20, held)
}
