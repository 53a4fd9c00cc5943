package bench

import (
	"flag"
	"runtime"
	"testing"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/stretchr/testify/require"
)

var long = flag.Bool("soak", false, "run the soak test with 10 million tasks instead of 200,000")

// TestSoak runs many short tasks, a quarter of them cancelled and a quarter
// timing out, and checks that the live heap stays flat and that nothing is
// left behind: no task, no timer, no ready callback.
func TestSoak(t *testing.T) {
	total := 200_000
	if *long {
		total = 10_000_000
	}
	const batch = 1000
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	var first, peak uint64
	checks := 0
	lp := rt.NewLoop(rt.VirtualTime())
	_, err := rt.RunOn(lp, soakAsync(total, batch, func(done int) {
		if done%(total/10) != 0 {
			return
		}
		h := heap()
		if checks == 0 {
			first = h
		}
		checks++
		peak = max(peak, h)
	}))
	require.NoError(t, err)
	require.Equal(t, 10, checks)
	st := lp.Stats()
	lp.Close()
	require.Zero(t, st.Tasks, "tasks left behind")
	require.Zero(t, st.Timers, "timers left behind")
	require.Zero(t, st.Ready, "callbacks left behind")
	// Flat: the heap after the last batch is within 4 MiB of the first
	// checkpoint's, whatever the number of tasks.
	require.Less(t, peak, first+4<<20, "live heap grew from %d to %d bytes", first, peak)
	t.Logf("%d tasks; live heap %d KiB at the first checkpoint, %d KiB at most", total, first>>10, peak>>10)
}
