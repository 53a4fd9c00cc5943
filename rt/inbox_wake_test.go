//go:build unix

package rt_test

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/stretchr/testify/require"
)

// TestPostsWakeSleepingLoop: 8 goroutines post 2,000 calls each to a loop
// that keeps falling asleep between them, first with no task waiting on
// an FD (the loop sleeps on its inbox channel), then with a task parked
// on a pipe that never becomes readable (the loop sleeps in the poller).
// Every call runs: none is lost to a sleep that began as it was posted.
func TestPostsWakeSleepingLoop(t *testing.T) {
	const posters, each = 8, 2000
	for _, withFD := range []bool{false, true} {
		t.Run(fmt.Sprintf("fd=%v", withFD), func(t *testing.T) {
			lp := rt.NewLoop()
			defer lp.Close()
			if withFD {
				r, w, err := os.Pipe()
				require.NoError(t, err)
				defer r.Close()
				defer w.Close()
				fd := rt.NewFD(int(r.Fd()))
				rt.SpawnOn(lp, fd.WaitReadAsync(time.Time{}))
			}
			ran := 0 // touched only by the loop's callbacks
			done := make(chan error, 1)
			go func() { done <- lp.RunForever() }()
			var wg sync.WaitGroup
			for range posters {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := range each {
						lp.CallSoonThreadSafe(func() {
							ran++
							if ran == posters*each {
								lp.Stop()
							}
						})
						if i%16 == 0 {
							runtime.Gosched() // let the loop drain and sleep
						}
					}
				}()
			}
			wg.Wait()
			require.NoError(t, <-done)
			require.Equal(t, posters*each, ran)
		})
	}
}
