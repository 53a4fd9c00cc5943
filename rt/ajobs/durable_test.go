//go:build unix

package ajobs

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/internal/durtest"
	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/durable"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Squares is the durable job type of the tests: durtest.Squares.
var Squares = DefineDurable("squares/v1", durtest.SquaresAsync)

// NotDurable is a durable job type of a function that is not durable.
var NotDurable = DefineDurable("not_durable/v1", countWordsAsync)

// squaresOracle is what durtest.Squares returns, computed in plain Go.
func squaresOracle(a durtest.Args) durtest.Result {
	r := durtest.Result{Label: fmt.Sprintf("%s:%d", a.Label, a.N)}
	for i := 0; i < a.N; i++ {
		r.Values = append(r.Values, i*i+1)
		r.Sum += i*i + 1
	}
	return r
}

// localEffects counts the in-process tests' step executions by key.
var localEffects struct {
	sync.Mutex
	n map[string]int
}

// localEffect is durtest's Effect in process: it counts the execution
// under its key and returns i*i+1.
//
// async
func localEffect(key string, i int) (int, error) {
	rt.Sleep(time.Millisecond)
	countLocal(key)
	return i*i + 1, nil
}

func countLocal(key string) {
	localEffects.Lock()
	localEffects.n[key]++
	localEffects.Unlock()
}

// stepRuns returns how many times each step of job id ran, by step index.
func stepRuns(id string) map[int]int {
	localEffects.Lock()
	defer localEffects.Unlock()
	out := map[int]int{}
	for k, n := range localEffects.n {
		if rest, ok := strings.CutPrefix(k, id+"/"); ok {
			i, _ := strconv.Atoi(strings.SplitN(rest, "/", 2)[0])
			out[i] += n
		}
	}
	return out
}

func once(n int) map[int]int {
	m := map[int]int{}
	for i := 0; i < n; i++ {
		m[i] = 1
	}
	return m
}

// waitSleeping waits until job id sleeps in the delayed set, and returns
// its entry there.
//
// async
func waitSleeping(t *testing.T, q *Queue, id string) ScheduledJob {
	deadline := rt.Now().Add(5 * time.Second)
	for rt.Now().Before(deadline) {
		sched, err := rt.Await(rt.ToThreadAsync(func() ([]ScheduledJob, error) { return q.Scheduled(10) }))
		require.NoError(t, err)
		for _, s := range sched {
			if s.ID == id && s.State == "sleeping" {
				return s
			}
		}
		rt.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("job %s never slept", id)
	return ScheduledJob{}
}

// tamper rewrites the snapshot in job id's checkpoint with edit.
//
// async
func tamper(t *testing.T, q *Queue, id string, edit func(*durable.Snapshot)) {
	v, err := q.cl.Do("HGET", q.jobKey(id), "cp_data")
	require.NoError(t, err)
	var snap durable.Snapshot
	require.NoError(t, snap.UnmarshalBinary([]byte(v.Str)))
	edit(&snap)
	b, err := snap.MarshalBinary()
	require.NoError(t, err)
	_, err = q.cl.Do("HSET", q.jobKey(id), "cp_data", b)
	require.NoError(t, err)
}

// durableInProcess runs durable jobs on one worker: a plain run, a
// resume after a failed attempt, a durable sleep that releases the
// worker, and checkpoints that cannot be resumed.
//
// async
func durableInProcess(t *testing.T, q *Queue, failAt *int) {
	// Start: one attempt, each step once.
	a := durtest.Args{N: 4, Label: "plain"}
	id, err := Squares.Enqueue(q, a)
	require.NoError(t, err)
	r, err := rt.Await(rt.WaitFor(Squares.WaitAsync(q, id), 10*time.Second))
	require.NoError(t, err)
	assert.Equal(t, squaresOracle(a), r)
	assert.Equal(t, once(4), stepRuns(id))
	ji, err := rt.Await(rt.ToThreadAsync(func() (JobInfo, error) { return q.Job(id) }))
	require.NoError(t, err)
	assert.Equal(t, int64(1), ji.Tries)
	require.NotNil(t, ji.Checkpoint)
	assert.Equal(t, "checkpoint:finish", ji.Checkpoint.Name)
	assert.Contains(t, ji.Checkpoint.Fingerprint, "durtest.Squares@")
	assert.Contains(t, ji.Checkpoint.Fingerprint, "durtest.finish@")

	// A failed attempt: the retry resumes from the checkpoint of the
	// step before the failure; no finished step runs again.
	*failAt = 2
	a = durtest.Args{N: 5, Label: "retried", StepMs: 1}
	id, err = Squares.Enqueue(q, a, Retries(2))
	require.NoError(t, err)
	r, err = rt.Await(rt.WaitFor(Squares.WaitAsync(q, id), 10*time.Second))
	require.NoError(t, err)
	assert.Equal(t, squaresOracle(a), r)
	assert.Equal(t, once(5), stepRuns(id), "steps run once across the two attempts")
	ji, err = rt.Await(rt.ToThreadAsync(func() (JobInfo, error) { return q.Job(id) }))
	require.NoError(t, err)
	assert.Equal(t, int64(2), ji.Tries, "the failed attempt counted")

	// A durable sleep longer than the hold: the job sleeps in the queue,
	// no worker holds it, and the next attempt resumes after the sleep.
	start := rt.Now()
	a = durtest.Args{N: 3, SleepAfter: 1, SleepMs: 400, Label: "slept"}
	id, err = Squares.Enqueue(q, a)
	require.NoError(t, err)
	s := waitSleeping(t, q, id)
	require.NotNil(t, s.Checkpoint)
	assert.Equal(t, "sleep:nap", s.Checkpoint.Name)
	assert.Equal(t, int64(0), s.Tries)
	pend, err := q.cl.Do("XPENDING", q.stream(), group)
	require.NoError(t, err)
	assert.Equal(t, int64(0), pend.Elems[0].Int(), "no worker holds a sleeping durable job")
	assert.Equal(t, once(2), stepRuns(id), "steps 0 and 1 ran before the sleep")
	r, err = rt.Await(rt.WaitFor(Squares.WaitAsync(q, id), 10*time.Second))
	require.NoError(t, err)
	assert.Equal(t, squaresOracle(a), r)
	assert.Equal(t, once(3), stepRuns(id))
	assert.GreaterOrEqual(t, rt.Now().Sub(start), 400*time.Millisecond, "the sleep was slept")

	// An unknown fingerprint (the frame's shape changed since the
	// snapshot): dead at once, the checkpoint kept for inspection.
	a = durtest.Args{N: 3, SleepAfter: 0, SleepMs: 300, Label: "orphaned"}
	id, err = Squares.Enqueue(q, a, Retries(5))
	require.NoError(t, err)
	waitSleeping(t, q, id)
	v, err := q.cl.Do("HGET", q.jobKey(id), "cp_data")
	require.NoError(t, err)
	original := v.Str
	tamper(t, q, id, func(s *durable.Snapshot) {
		name, hex, _ := strings.Cut(strings.Fields(s.Fingerprint)[0], "@")
		require.True(t, strings.HasSuffix(name, "durtest.Squares"), s.Fingerprint)
		fp, err := strconv.ParseUint(hex, 16, 64)
		require.NoError(t, err)
		old := binary.AppendUvarint([]byte(name), fp)
		require.True(t, bytes.Contains(s.Data, old))
		s.Data = bytes.Replace(s.Data, old, binary.AppendUvarint([]byte(name), fp^0xff), 1)
	})
	_, err = rt.Await(rt.WaitFor(Squares.WaitAsync(q, id), 10*time.Second))
	var je *JobError
	require.True(t, errors.As(err, &je), "got %v", err)
	assert.Contains(t, je.Msg, "cannot resume from checkpoint")
	assert.Contains(t, je.Msg, durable.ErrUnknownFingerprint.Error())
	assert.Contains(t, je.Msg, "durtest.Squares at fingerprint")
	assert.Contains(t, je.Msg, "sleep:nap", "the error lists the points this build knows")
	dead, err := rt.Await(rt.ToThreadAsync(func() ([]DeadJob, error) { return q.DeadJobs(10) }))
	require.NoError(t, err)
	require.Len(t, dead, 1)
	assert.Equal(t, id, dead[0].ID)
	assert.Equal(t, int64(1), dead[0].Tries, "dead at once, not retried")
	require.NotNil(t, dead[0].Checkpoint, "the checkpoint stays with the dead job")
	assert.Equal(t, "sleep:nap", dead[0].Checkpoint.Name)
	n, err := q.cl.Int("HEXISTS", q.jobKey(id), "cp_data")
	require.NoError(t, err)
	assert.Equal(t, int64(1), n, "the dead job keeps its checkpoint's data")
	assert.Equal(t, once(1), stepRuns(id))

	// Not lost: with the snapshot this build knows back in place (as a
	// build that knows the fingerprint would find it), RetryDead resumes
	// the job from its checkpoint, after the sleep, without re-running
	// its first step.
	_, err = q.cl.Do("HSET", q.jobKey(id), "cp_data", original)
	require.NoError(t, err)
	_, err = rt.Await(rt.ToThreadAsync(func() (struct{}, error) { return struct{}{}, q.RetryDead(id) }))
	require.NoError(t, err)
	r, err = rt.Await(rt.WaitFor(Squares.WaitAsync(q, id), 10*time.Second))
	require.NoError(t, err)
	assert.Equal(t, squaresOracle(a), r)
	assert.Equal(t, once(3), stepRuns(id))

	// A corrupt snapshot: dead at once too.
	id, err = Squares.Enqueue(q, a, Retries(5))
	require.NoError(t, err)
	waitSleeping(t, q, id)
	tamper(t, q, id, func(s *durable.Snapshot) { s.Data = s.Data[:len(s.Data)-3] })
	_, err = rt.Await(rt.WaitFor(Squares.WaitAsync(q, id), 10*time.Second))
	require.True(t, errors.As(err, &je), "got %v", err)
	assert.Contains(t, je.Msg, durable.ErrCorrupt.Error())
	dead, err = rt.Await(rt.ToThreadAsync(func() ([]DeadJob, error) { return q.DeadJobs(10) }))
	require.NoError(t, err)
	require.Len(t, dead, 1)
	assert.Equal(t, int64(1), dead[0].Tries)

	// Not a durable function: dead at once, saying so.
	id, err = NotDurable.Enqueue(q, "a b", Retries(5))
	require.NoError(t, err)
	_, err = rt.Await(rt.WaitFor(NotDurable.WaitAsync(q, id), 10*time.Second))
	require.True(t, errors.As(err, &je), "got %v", err)
	assert.Contains(t, je.Msg, `ajobs.DefineDurable("not_durable/v1"): `+durable.ErrNotDurable.Error())
}

// TestDurableJobs runs durable jobs (DefineDurable) on a worker in this
// process.
func TestDurableJobs(t *testing.T) {
	_, cl := startRedis(t)
	localEffects.n = map[string]int{}
	failAt := -1
	durtest.Effect = localEffectAsync
	durtest.AfterStep = func(i int) error {
		if i == failAt {
			failAt = -1
			return fmt.Errorf("fails after step %d", i)
		}
		return nil
	}
	defer func() { durtest.Effect, durtest.AfterStep = nil, nil }()
	q := NewQueue(cl, "t")
	opts := testWorkerOptions()
	opts.DurableHold = 50 * time.Millisecond
	w := NewWorker(cl, opts, q)
	_, err := rt.Run(withWorkerAsync(w, func() rt.Awaitable[struct{}] { return durableInProcessAsync(t, q, &failAt) }))
	require.NoError(t, err)
	st := w.Stats()
	assert.Equal(t, 3, st.Slept, "the three long sleeps released the worker")
	assert.Equal(t, 3, st.Dead)
	assert.Equal(t, 1, st.Retried)
}
