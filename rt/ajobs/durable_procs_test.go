//go:build unix

package ajobs

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/internal/durtest"
	"github.com/asyncgen/asyncgen/rt"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// redisEffect is durtest's Effect in the worker processes: it notes the
// execution in test:dexec:<job> ("step:pid", every execution), takes a
// while, then counts the step once in test:dcount:<job> through its
// idempotency key (SET NX), and returns i*i+1.
//
// async
func redisEffect(key string, i int) (int, error) {
	job, _, _ := strings.Cut(key, "/")
	pid := os.Getpid()
	if _, err := testCl.Do("RPUSH", "test:dexec:"+job, fmt.Sprintf("%d:%d", i, pid)); err != nil {
		return 0, err
	}
	rt.Sleep(30 * time.Millisecond)
	if _, err := testCl.Do("EVAL", stepEffect, 2, "test:deff:"+key, "test:dcount:"+job, pid); err != nil {
		return 0, err
	}
	return i*i + 1, nil
}

// waitSquares waits for the results of Squares jobs ids.
//
// async
func waitSquares(q *Queue, ids []string) ([]durtest.Result, error) {
	aws := make([]rt.Awaitable[durtest.Result], len(ids))
	for i, id := range ids {
		aws[i] = Squares.WaitAsync(q, id)
	}
	return rt.Await(rt.WaitFor(rt.Gather(aws...), 30*time.Second))
}

// TestKilledDurableJobsResume SIGKILLs worker processes at random points
// while they run durable jobs (steps, checkpoints, short sleeps held by
// the worker and a long one released to the queue): every job finishes
// with the plain Go oracle's result, each step's effect lands exactly
// once by its idempotency key, and a step never runs again once a later
// one ran (a resume starts at the last checkpoint, not earlier).
func TestKilledDurableJobsResume(t *testing.T) {
	srv, cl := startRedis(t)
	q := NewQueue(cl, "t")
	env := []string{"AJOBS_LEASE_MS=500", "AJOBS_HEARTBEAT_MS=150", "AJOBS_RECLAIM_MS=150", "AJOBS_DURABLE_HOLD_MS=100"}
	workers := []*proc{startWorker(t, srv.Socket(), env...), startWorker(t, srv.Socket(), env...)}
	const nJobs = 6
	args := make([]durtest.Args, nJobs)
	ids := make([]string, nJobs)
	for i := range ids {
		args[i] = durtest.Args{N: 8 + i%3, StepMs: 20, SleepAfter: 3 + i%2, SleepMs: 150 + 50*(i%3), Label: fmt.Sprint("job", i)}
		id, err := Squares.Enqueue(q, args[i], Retries(0))
		require.NoError(t, err)
		ids[i] = id
	}
	seed := time.Now().UnixNano()
	t.Logf("seed %d", seed)
	rnd := rand.New(rand.NewPCG(uint64(seed), 0))
	for round := 0; round < 5; round++ {
		time.Sleep(time.Duration(100+rnd.IntN(300)) * time.Millisecond)
		k := rnd.IntN(2)
		if round == 0 {
			// The first victim has run a step short of a job's end, so
			// some job moves however slowly the processes start.
			pid := workers[k].pid()
			waitUntil(t, "a step run mid-job", func() bool {
				for j, id := range ids {
					for _, e := range records(t, cl, "test:dexec:"+id) {
						if e.pid == pid && e.step < args[j].N-2 {
							return true
						}
					}
				}
				return false
			})
		}
		workers[k].kill()
		workers[k] = startWorker(t, srv.Socket(), env...)
	}
	results, err := rt.Run(waitSquaresAsync(q, ids))
	require.NoError(t, err)
	moved, rerun := 0, 0
	for j, id := range ids {
		assert.Equal(t, squaresOracle(args[j]), results[j], "job %d", j)
		count, err := cl.Int("GET", "test:dcount:"+id)
		require.NoError(t, err)
		assert.Equal(t, int64(args[j].N), count, "job %d: each step's effect exactly once", j)
		execs := records(t, cl, "test:dexec:"+id)
		pids := map[int]bool{}
		for k, e := range execs {
			pids[e.pid] = true
			if k > 0 {
				prev := execs[k-1]
				assert.True(t, e.step == prev.step || e.step == prev.step+1,
					"job %d: step %d ran after step %d: a resume went back before its checkpoint (execs %v)", j, e.step, prev.step, execs)
			}
		}
		require.NotEmpty(t, execs)
		assert.Equal(t, args[j].N-1, execs[len(execs)-1].step)
		if len(pids) > 1 {
			moved++
		}
		rerun += len(execs) - args[j].N
	}
	t.Logf("%d of %d jobs ran on more than one process; %d step executions repeated (the steps in progress at a kill)", moved, nJobs, rerun)
	assert.Greater(t, moved, 0, "no job resumed on another worker")
	var slept int
	for _, w := range workers {
		st := w.stop(t)
		slept += st.Slept
	}
	dead, err := q.DeadJobs(10)
	require.NoError(t, err)
	assert.Empty(t, dead)
	t.Logf("the last two workers released %d long sleeps to the queue", slept)
}
