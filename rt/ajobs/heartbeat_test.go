//go:build unix

package ajobs

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// slowBatch enqueues n Slow jobs of ms each and waits for them all.
//
// async
func slowBatch(t *testing.T, q *Queue, n, ms int) {
	ids := make([]rt.Awaitable[string], n)
	for i := range ids {
		ids[i] = Slow.EnqueueAsync(q, ms)
	}
	got, err := rt.Await(rt.Gather(ids...))
	require.NoError(t, err)
	waits := make([]rt.Awaitable[int], n)
	for i, id := range got {
		waits[i] = Slow.WaitAsync(q, id)
	}
	_, err = rt.Await(rt.Gather(waits...))
	require.NoError(t, err)
}

// xclaimCalls reads how many XCLAIMs Redis ran (scripts' calls included).
func xclaimCalls(t *testing.T, q *Queue) int {
	info, err := q.cl.Do("INFO", "commandstats")
	require.NoError(t, err)
	text, _ := info.Text()
	for _, line := range strings.Split(text, "\n") {
		if rest, ok := strings.CutPrefix(line, "cmdstat_xclaim:calls="); ok {
			n, _ := strconv.Atoi(rest[:strings.IndexByte(rest, ',')])
			return n
		}
	}
	return 0
}

// TestHeartbeatsBatched: 30 jobs run together for many heartbeats; the
// worker renews their leases in one call per heartbeat, not one per job,
// and Redis saw every renewal (an XCLAIM each).
func TestHeartbeatsBatched(t *testing.T) {
	_, cl := startRedis(t)
	testCl = cl
	q := NewQueue(cl, "t")
	opts := testWorkerOptions()
	opts.Concurrency, opts.Heartbeat = 30, 40*time.Millisecond
	w := NewWorker(cl, opts, q)
	before := xclaimCalls(t, q)
	_, err := rt.Run(withWorkerAsync(w, func() rt.Awaitable[struct{}] { return slowBatchAsync(t, q, 30, 600) }))
	require.NoError(t, err)
	st := w.Stats()
	t.Logf("%+v", st)
	assert.Equal(t, 30, st.Done)
	assert.Zero(t, st.LeaseLost)
	require.NotZero(t, st.Beats, "no heartbeat ran during 600 ms jobs with a 40 ms heartbeat")
	// One call renews every running job: with 30 running, far more
	// renewals than calls (one call per job would make them equal).
	assert.GreaterOrEqual(t, st.Renewed, 5*st.Beats, "renewals per lease-renewal call")
	assert.GreaterOrEqual(t, xclaimCalls(t, q)-before, st.Renewed, "Redis ran an XCLAIM per renewal")
}
