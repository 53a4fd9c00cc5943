//go:build unix

package ajobs

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// stepsArgs are steps's arguments: Steps steps of StepMs each, a
// checkpoint after each; after step BigAt (when > 0) the checkpoint's data
// carries Big bytes of padding beginning with bigMarker.
type stepsArgs struct {
	Steps, StepMs int
	BigAt, Big    int
}

// stepsState is steps's checkpoint: the next step and the sum so far.
type stepsState struct {
	Step, Sum int
}

type stepsResult struct {
	Sum   int
	Start int // the step the completing attempt started at
	Pid   int
}

// bigMarker starts a large checkpoint's padding; the crash test's proxy
// watches for it.
const bigMarker = "BIG-CHECKPOINT-PADDING:"

// stepEffect is a step's outside effect, made idempotent by a key of the
// job id and the step: the counter test:count:<job> goes up once per step
// whatever the re-runs.
const stepEffect = `if redis.call('SET', KEYS[1], ARGV[1], 'NX') then return redis.call('INCR', KEYS[2]) end return 0`

// steps runs Steps steps, each recorded in test:exec:<job> ("step:pid",
// every execution) and counted once in test:count:<job>; it checkpoints
// after each and resumes from its last checkpoint. Each attempt notes
// where it started in test:start:<job>, each checkpoint saved in
// test:saved:<job> and each refused in test:refused:<job>.
//
// async
func steps(a stepsArgs) (stepsResult, error) {
	job, ok := CurrentJob()
	if !ok {
		return stepsResult{}, errors.New("not in a job")
	}
	pid := strconv.Itoa(os.Getpid())
	var st stepsState
	cp, err := LastCheckpoint()
	if err != nil {
		return stepsResult{}, err
	}
	if cp != nil {
		js, _, _ := bytes.Cut(cp.Data, []byte("\n"))
		if err := json.Unmarshal(js, &st); err != nil {
			return stepsResult{}, fmt.Errorf("decoding checkpoint %d: %w", cp.Seq, err)
		}
		if cp.Fingerprint != "steps/v1" || cp.Name != fmt.Sprintf("after step %d", st.Step) {
			return stepsResult{}, fmt.Errorf("checkpoint %q %q does not match its data %+v", cp.Name, cp.Fingerprint, st)
		}
	}
	start := st.Step
	if _, err := testCl.Do("RPUSH", "test:start:"+job.ID, fmt.Sprintf("%d:%s", start, pid)); err != nil {
		return stepsResult{}, err
	}
	for st.Step < a.Steps {
		i := st.Step
		if _, err := testCl.Do("RPUSH", "test:exec:"+job.ID, fmt.Sprintf("%d:%s", i, pid)); err != nil {
			return stepsResult{}, err
		}
		rt.Sleep(time.Duration(a.StepMs) * time.Millisecond)
		if _, err := testCl.Do("EVAL", stepEffect, 2, fmt.Sprintf("test:eff:%s:%d", job.ID, i), "test:count:"+job.ID, pid); err != nil {
			return stepsResult{}, err
		}
		st.Sum += i * i
		st.Step++
		data, _ := json.Marshal(st)
		if st.Step == a.BigAt {
			data = append(append(append(data, '\n'), bigMarker...), bytes.Repeat([]byte{'x'}, a.Big)...)
		}
		if err := SaveCheckpoint(Checkpoint{Name: fmt.Sprintf("after step %d", st.Step), Fingerprint: "steps/v1", Data: data}); err != nil {
			testCl.Do("RPUSH", "test:refused:"+job.ID, fmt.Sprintf("%d:%s", st.Step, pid))
			return stepsResult{}, err
		}
		if _, err := testCl.Do("RPUSH", "test:saved:"+job.ID, fmt.Sprintf("%d:%s", st.Step, pid)); err != nil {
			return stepsResult{}, err
		}
	}
	return stepsResult{Sum: st.Sum, Start: start, Pid: os.Getpid()}, nil
}

// sumSquares is steps's right result.
func sumSquares(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += i * i
	}
	return s
}

// sleeper saves a checkpoint and sleeps Ms, durably; woken, it returns
// the checkpoint's name and its try number.
//
// async
func sleeper(ms int) (string, error) {
	cp, err := LastCheckpoint()
	if err != nil {
		return "", err
	}
	if cp == nil {
		if err := SaveCheckpoint(Checkpoint{Name: "asleep", Fingerprint: "sleeper/v1", Data: []byte(strconv.Itoa(ms))}); err != nil {
			return "", err
		}
		return "", fmt.Errorf("going to sleep: %w", SleepFor(time.Duration(ms)*time.Millisecond))
	}
	job, _ := CurrentJob()
	return fmt.Sprintf("%s %s try %d", cp.Name, cp.Data, job.Try), nil
}

// retrier saves a checkpoint and fails; its retry reports the checkpoint.
//
// async
func retrier(n int) (string, error) {
	cp, err := LastCheckpoint()
	if err != nil {
		return "", err
	}
	if cp == nil {
		if err := SaveCheckpoint(Checkpoint{Name: "half", Data: []byte("h")}); err != nil {
			return "", err
		}
		again, err := LastCheckpoint() // read back
		if err != nil || again == nil || again.Seq != 1 || string(again.Data) != "h" {
			return "", fmt.Errorf("LastCheckpoint after SaveCheckpoint: %+v, %v", again, err)
		}
		return "", errors.New("fails after its checkpoint")
	}
	job, _ := CurrentJob()
	return fmt.Sprintf("%s/%d/try %d", cp.Name, cp.Seq, job.Try), nil
}

// oversize saves a checkpoint of n bytes.
//
// async
func oversize(n int) (int, error) {
	err := SaveCheckpoint(Checkpoint{Name: "big", Data: make([]byte, n)})
	return 0, err
}

// spawner saves a checkpoint from a task it spawned.
//
// async
func spawner(n int) (string, error) {
	sub := rt.Spawn(saveFromSubtaskAsync())
	_, err := rt.Await(sub)
	return fmt.Sprint(err), nil
}

// async
func saveFromSubtask() (struct{}, error) {
	return struct{}{}, SaveCheckpoint(Checkpoint{Name: "sub"})
}

var (
	Steps    = Define("steps/v1", stepsAsync)
	Sleeper  = Define("sleeper/v1", sleeperAsync)
	Retrier  = Define("retrier/v1", retrierAsync)
	Oversize = Define("oversize/v1", oversizeAsync)
	Spawner  = Define("spawner/v1", spawnerAsync)
)

// async
func checkpointsInProcess(t *testing.T, q *Queue) {
	// A retry sees the failed attempt's checkpoint.
	id, err := Retrier.Enqueue(q, 0)
	require.NoError(t, err)
	res, err := Retrier.Wait(q, id)
	require.NoError(t, err)
	assert.Equal(t, "half/1/try 2", res)

	// Too large: a clear error, nothing written.
	id, err = Oversize.Enqueue(q, 2000, Retries(0))
	require.NoError(t, err)
	_, err = Oversize.Wait(q, id)
	var je *JobError
	require.True(t, errors.As(err, &je), "got %v", err)
	assert.Contains(t, je.Msg, ErrCheckpointTooLarge.Error())
	assert.Contains(t, je.Msg, "2000 bytes of data, more than the worker's MaxCheckpoint (1000)")
	n, err := q.cl.Int("HEXISTS", q.jobKey(id), "cp_seq")
	require.NoError(t, err)
	assert.Equal(t, int64(0), n)

	// Not from a subtask.
	id, err = Spawner.Enqueue(q, 0)
	require.NoError(t, err)
	msg, err := Spawner.Wait(q, id)
	require.NoError(t, err)
	assert.Equal(t, ErrNotInJob.Error(), msg)

	// A durable sleep: no worker holds the job, the try is not counted.
	start := rt.Now()
	id, err = Sleeper.Enqueue(q, 400)
	require.NoError(t, err)
	var sched []ScheduledJob
	for rt.Now().Sub(start) < 300*time.Millisecond {
		sched, err = rt.Await(rt.ToThreadAsync(func() ([]ScheduledJob, error) { return q.Scheduled(10) }))
		require.NoError(t, err)
		if len(sched) > 0 {
			break
		}
		rt.Sleep(10 * time.Millisecond)
	}
	require.Len(t, sched, 1, "the sleeping job waits in the delayed set")
	assert.Equal(t, "sleeping", sched[0].State)
	require.NotNil(t, sched[0].Checkpoint)
	assert.Equal(t, "asleep", sched[0].Checkpoint.Name)
	assert.Equal(t, "sleeper/v1", sched[0].Checkpoint.Fingerprint)
	assert.Equal(t, int64(3), sched[0].Checkpoint.Size)
	assert.Equal(t, int64(0), sched[0].Tries)
	pend, err := q.cl.Do("XPENDING", q.stream(), group)
	require.NoError(t, err)
	assert.Equal(t, int64(0), pend.Elems[0].Int(), "no worker holds a sleeping job")
	res, err = Sleeper.Wait(q, id)
	require.NoError(t, err)
	assert.Equal(t, "asleep 400 try 1", res)
	assert.GreaterOrEqual(t, rt.Now().Sub(start), 400*time.Millisecond)

	// A done job keeps its checkpoint's name and fingerprint, not its data.
	ji, err := rt.Await(rt.ToThreadAsync(func() (JobInfo, error) { return q.Job(id) }))
	require.NoError(t, err)
	assert.Equal(t, "done", ji.State)
	require.NotNil(t, ji.Checkpoint)
	assert.Equal(t, "asleep", ji.Checkpoint.Name)
	assert.Equal(t, int64(1), ji.Checkpoint.Seq)
	assert.Less(t, ji.Checkpoint.Age, time.Minute)
	assert.GreaterOrEqual(t, ji.Checkpoint.Age, 350*time.Millisecond, "saved before the sleep")
	n, err = q.cl.Int("HEXISTS", q.jobKey(id), "cp_data")
	require.NoError(t, err)
	assert.Equal(t, int64(0), n, "a done job drops its checkpoint's data")
}

func TestCheckpointsInProcess(t *testing.T) {
	_, cl := startRedis(t)
	testCl = cl
	q := NewQueue(cl, "t")
	opts := testWorkerOptions()
	opts.MaxCheckpoint = 1000
	w := NewWorker(cl, opts, q)
	_, err := rt.Run(withWorkerAsync(w, func() rt.Awaitable[struct{}] { return checkpointsInProcessAsync(t, q) }))
	require.NoError(t, err)
	st := w.Stats()
	assert.Equal(t, 1, st.Slept)
	assert.Equal(t, 2, st.Checkpoints)

	// From ordinary code: not in a job.
	assert.ErrorIs(t, SaveCheckpoint(Checkpoint{Name: "x"}), ErrNotInJob)
	_, err = LastCheckpoint()
	assert.ErrorIs(t, err, ErrNotInJob)
	_, ok := CurrentJob()
	assert.False(t, ok)
}

// async
func stepsInProcess(t *testing.T, q *Queue) {
	id, err := Steps.Enqueue(q, stepsArgs{Steps: 5, StepMs: 1})
	require.NoError(t, err)
	res, err := Steps.Wait(q, id)
	require.NoError(t, err)
	assert.Equal(t, stepsResult{Sum: sumSquares(5), Start: 0, Pid: os.Getpid()}, res)
	starts, err := q.cl.Strings("LRANGE", "test:start:"+id, 0, -1)
	require.NoError(t, err)
	assert.Equal(t, []string{fmt.Sprintf("0:%d", os.Getpid())}, starts)
	count, err := q.cl.Int("GET", "test:count:"+id)
	require.NoError(t, err)
	assert.Equal(t, int64(5), count)
}

// TestStepsInProcess runs steps once, without crashes: five checkpoints.
func TestStepsInProcess(t *testing.T) {
	_, cl := startRedis(t)
	testCl = cl
	q := NewQueue(cl, "t")
	w := NewWorker(cl, testWorkerOptions(), q)
	_, err := rt.Run(withWorkerAsync(w, func() rt.Awaitable[struct{}] { return stepsInProcessAsync(t, q) }))
	require.NoError(t, err)
	assert.Equal(t, 5, w.Stats().Checkpoints)
}
