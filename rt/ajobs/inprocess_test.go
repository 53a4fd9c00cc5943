//go:build unix

package ajobs

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/internal/redistest"
	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/aredis"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func startRedis(t *testing.T, extra ...string) (*redistest.Server, *aredis.Client) {
	srv := redistest.Start(t, extra...)
	cl := aredis.New(aredis.Options{Addr: srv.Socket(), DialTimeout: time.Second, CommandTimeout: 2 * time.Second})
	t.Cleanup(func() { cl.Close() })
	return srv, cl
}

func testWorkerOptions() WorkerOptions {
	return WorkerOptions{Concurrency: 3, Lease: 2 * time.Second, MoveInterval: 50 * time.Millisecond, Backoff: 20 * time.Millisecond}
}

// withWorker runs body on a loop beside a worker of q, then stops the
// worker.
//
// async
func withWorker(w *Worker, body func() rt.Awaitable[struct{}]) error {
	run := rt.Spawn(w.RunAsync())
	_, err := rt.Await(body())
	w.Stop(time.Second)
	if _, err := rt.Await(run); err != nil {
		return err
	}
	return err
}

// async
func enqueueAndWait(t *testing.T, q *Queue) {
	id, err := CountWords.Enqueue(q, "the quick brown fox")
	require.NoError(t, err)
	n, err := CountWords.Wait(q, id)
	require.NoError(t, err)
	assert.Equal(t, 4, n)

	// Retries with backoff: flaky fails twice, succeeds on the third run.
	id, err = Flaky.Enqueue(q, 3, Retries(3))
	require.NoError(t, err)
	runs, err := Flaky.Wait(q, id)
	require.NoError(t, err)
	assert.Equal(t, 3, runs)

	// Out of retries: dead, with the last error.
	id, err = Flaky.Enqueue(q, 100, Retries(1))
	require.NoError(t, err)
	_, err = Flaky.Wait(q, id)
	var je *JobError
	require.True(t, errors.As(err, &je), "got %v", err)
	assert.Contains(t, je.Msg, "not yet (run 5)")

	// Delayed: not run before it is due.
	start := rt.Now()
	id, err = CountWords.Enqueue(q, "a b", In(300*time.Millisecond))
	require.NoError(t, err)
	_, done, err := CountWords.Result(q, id)
	require.NoError(t, err)
	assert.False(t, done)
	n, err = CountWords.Wait(q, id)
	require.NoError(t, err)
	assert.Equal(t, 2, n)
	assert.GreaterOrEqual(t, rt.Now().Sub(start), 300*time.Millisecond)

	// At, in the past: at once.
	id, err = CountWords.Enqueue(q, "a b c", At(time.Now().Add(-time.Hour)))
	require.NoError(t, err)
	n, err = CountWords.Wait(q, id)
	require.NoError(t, err)
	assert.Equal(t, 3, n)

	// Unique: a second job with the key gets the first one's id.
	id1, err := CountWords.Enqueue(q, "x", Unique("k", 10*time.Second), In(200*time.Millisecond))
	require.NoError(t, err)
	id2, err := CountWords.Enqueue(q, "y", Unique("k", 10*time.Second))
	assert.ErrorIs(t, err, ErrDuplicate)
	assert.Equal(t, id1, id2)
	_, err = CountWords.Wait(q, id1)
	require.NoError(t, err)
	// Done: the key is free again.
	id3, err := CountWords.Enqueue(q, "z", Unique("k", 10*time.Second))
	require.NoError(t, err)
	assert.NotEqual(t, id1, id3)

	// Timeout: the task is cancelled and its deferred call runs.
	before := slowDeferred.Load()
	id, err = Slow.Enqueue(q, 10000, Timeout(100*time.Millisecond), Retries(0))
	require.NoError(t, err)
	_, err = Slow.Wait(q, id)
	require.True(t, errors.As(err, &je), "got %v", err)
	assert.Contains(t, je.Msg, rt.ErrTimeout.Error())
	assert.Equal(t, before+1, slowDeferred.Load())

	_, err = CountWords.Wait(q, "no-such-id")
	assert.ErrorIs(t, err, ErrNoJob)
}

func TestEnqueueRunWait(t *testing.T) {
	_, cl := startRedis(t)
	testCl = cl
	q := NewQueue(cl, "t")
	w := NewWorker(cl, testWorkerOptions(), q)
	_, err := rt.Run(withWorkerAsync(w, func() rt.Awaitable[struct{}] { return enqueueAndWaitAsync(t, q) }))
	require.NoError(t, err)
	st := w.Stats()
	assert.Equal(t, 0, st.Refused)
	assert.GreaterOrEqual(t, st.Retried, 3)

	// From ordinary code: the natural functions block.
	id, err := CountWords.Enqueue(q, "one two")
	require.NoError(t, err)
	_, done, err := CountWords.Result(q, id)
	require.NoError(t, err)
	assert.False(t, done, "no worker runs")
}

// async
func deadLetters(t *testing.T, q *Queue) {
	bad, err := q.enqueue("count_words/v1", []byte("{not json"), nil)
	require.NoError(t, err)
	unknown, err := q.enqueue("no_such_type/v1", []byte(`"x"`), nil)
	require.NoError(t, err)
	boom, err := Boom.Enqueue(q, "bang", Retries(0))
	require.NoError(t, err)
	var je *JobError
	_, err = CountWords.Wait(q, bad)
	require.True(t, errors.As(err, &je), "got %v", err)
	assert.Contains(t, je.Msg, "malformed job arguments")
	_, err = CountWords.Wait(q, unknown)
	require.True(t, errors.As(err, &je), "got %v", err)
	assert.Contains(t, je.Msg, `unknown job type "no_such_type/v1"`)
	_, err = Boom.Wait(q, boom)
	require.True(t, errors.As(err, &je), "got %v", err)
	assert.Contains(t, je.Msg, "boom: bang")
	assert.Contains(t, je.Stack, "goroutine", "the panic's stack is kept")
	dead, err := q.cl.Strings("ZRANGE", q.dead(), 0, -1)
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{bad, unknown, boom}, dead)
	// The worker keeps going.
	id, err := CountWords.Enqueue(q, "still here")
	require.NoError(t, err)
	n, err := CountWords.Wait(q, id)
	require.NoError(t, err)
	assert.Equal(t, 2, n)
}

func TestDeadLetters(t *testing.T) {
	_, cl := startRedis(t)
	testCl = cl
	q := NewQueue(cl, "t")
	w := NewWorker(cl, testWorkerOptions(), q)
	_, err := rt.Run(withWorkerAsync(w, func() rt.Awaitable[struct{}] { return deadLettersAsync(t, q) }))
	require.NoError(t, err)
	assert.Equal(t, 3, w.Stats().Dead)
}

func TestDefineRejectsUnencodable(t *testing.T) {
	type withChan struct {
		Name string
		C    chan int
	}
	assert.PanicsWithValue(t, `ajobs.Define("bad/v1"): type chan int cannot be encoded as a job's argument or result (a chan), in field C of ajobs.withChan`, func() {
		Define("bad/v1", func(withChan) rt.Awaitable[int] { return nil })
	})
	assert.Panics(t, func() { Define("bad/v2", func(int) rt.Awaitable[func()] { return nil }) })
	type private struct{ n int }
	assert.PanicsWithValue(t, `ajobs.Define("bad/v3"): type ajobs.private cannot be encoded as a job's argument or result (no exported field: it would arrive as its zero value)`, func() {
		Define("bad/v3", func(private) rt.Awaitable[int] { return nil })
	})
	assert.Panics(t, func() { Define("count_words/v1", countWordsAsync) }, "defined twice")
}

// async
func shutdown(t *testing.T, cl *aredis.Client, q *Queue) {
	opts := testWorkerOptions()
	opts.Lease = 500 * time.Millisecond
	w := NewWorker(cl, opts, q)
	run := rt.Spawn(w.RunAsync())
	started := slowStarted.Load()
	quick, err := Slow.Enqueue(q, 200)
	require.NoError(t, err)
	long, err := Slow.Enqueue(q, 1200)
	require.NoError(t, err)
	// Both run (however long the worker takes to fetch them on a loaded
	// machine) before the stop.
	for deadline := rt.Now().Add(30 * time.Second); slowStarted.Load() < started+2; {
		require.True(t, rt.Now().Before(deadline), "the jobs did not start")
		rt.Sleep(5 * time.Millisecond)
	}
	before := slowDeferred.Load()
	w.Stop(400 * time.Millisecond)
	_, err = rt.Await(run)
	require.NoError(t, err)
	st := w.Stats()
	assert.Equal(t, 1, st.Done, "the quick job finished within the grace period")
	assert.Equal(t, 1, st.Abandoned, "the long one was cancelled")
	assert.Equal(t, before+2, slowDeferred.Load(), "the abandoned job's deferred call ran")
	_, done, err := Slow.Result(q, quick)
	require.NoError(t, err)
	assert.True(t, done)
	_, done, err = Slow.Result(q, long)
	require.NoError(t, err)
	assert.False(t, done)
	pending, err := cl.Do("XPENDING", q.stream(), group)
	require.NoError(t, err)
	assert.Equal(t, int64(1), pending.Elems[0].Int(), "the abandoned job is left pending, for reclaim")

	// Another worker reclaims it once its lease has run out.
	w2 := NewWorker(cl, opts, q)
	run2 := rt.Spawn(w2.RunAsync())
	ms, err := Slow.Wait(q, long)
	require.NoError(t, err)
	assert.Equal(t, 1200, ms)
	assert.Equal(t, 1, w2.Stats().Reclaimed)
	w2.Stop(time.Second)
	rt.Await(run2)
}

func TestGracefulShutdown(t *testing.T) {
	_, cl := startRedis(t)
	q := NewQueue(cl, "t")
	_, err := rt.Run(guardedAsync(shutdownAsync(t, cl, q)))
	require.NoError(t, err)
}

var gauge, gaugeMax int

// gauged counts how many of its kind run at once.
//
// async
func gauged(ms int) (int, error) {
	gauge++
	gaugeMax = max(gaugeMax, gauge)
	defer func() { gauge-- }()
	rt.Sleep(time.Duration(ms) * time.Millisecond)
	return ms, nil
}

var Gauged = Define("gauged/v1", gaugedAsync)

// async
func concurrency(t *testing.T, cl *aredis.Client, qa, qb *Queue) {
	opts := testWorkerOptions()
	opts.Concurrency = 2
	w := NewWorker(cl, opts, qa, qb)
	var ids []string
	for i := 0; i < 6; i++ {
		for _, q := range []*Queue{qa, qb} {
			id, err := Gauged.Enqueue(q, 60)
			require.NoError(t, err)
			ids = append(ids, q.name+" "+id)
		}
	}
	run := rt.Spawn(w.RunAsync())
	maxPending := int64(0)
	for i := 0; i < 20; i++ {
		rt.Sleep(20 * time.Millisecond)
		vals, err := cl.Pipeline().Add("XPENDING", qa.stream(), group).Add("XPENDING", qb.stream(), group).Exec()
		require.NoError(t, err)
		maxPending = max(maxPending, vals[0].Elems[0].Int()+vals[1].Elems[0].Int())
	}
	for _, s := range ids {
		name, id, _ := strings.Cut(s, " ")
		q := qa
		if name == qb.name {
			q = qb
		}
		_, err := Gauged.Wait(q, id)
		require.NoError(t, err)
	}
	w.Stop(time.Second)
	rt.Await(run)
	assert.Equal(t, 2, gaugeMax, "at most Concurrency jobs run at once")
	assert.LessOrEqual(t, maxPending, int64(3), "the worker holds no more deliveries than it has slots (but for the one per extra queue a read may return, given back at once)")
	assert.Equal(t, 12, w.Stats().Done)
}

func TestConcurrencyAndQueues(t *testing.T) {
	_, cl := startRedis(t)
	_, err := rt.Run(guardedAsync(concurrencyAsync(t, cl, NewQueue(cl, "a"), NewQueue(cl, "b"))))
	require.NoError(t, err)
}

var notes []string

// note appends s to notes.
//
// async
func note(s string) (string, error) {
	notes = append(notes, s)
	rt.Sleep(time.Millisecond)
	return s, nil
}

var Note = Define("note/v1", noteAsync)

// async
func priorities(t *testing.T, cl *aredis.Client, qa, qb *Queue) {
	opts := testWorkerOptions()
	opts.Concurrency = 1
	var last string
	for _, s := range []string{"b1", "b2", "a1", "a2"} {
		q := qa
		if s[0] == 'b' {
			q = qb
		}
		id, err := Note.Enqueue(q, s)
		require.NoError(t, err)
		if s == "b2" {
			last = id
		}
	}
	w := NewWorker(cl, opts, qa, qb)
	run := rt.Spawn(w.RunAsync())
	_, err := Note.Wait(qb, last)
	require.NoError(t, err)
	assert.Equal(t, []string{"a1", "a2", "b1", "b2"}, notes, "the first queue is read first")

	w.Stop(time.Second)
	rt.Await(run)
	assert.Equal(t, 4, w.Stats().Done)

	// A read of two queues returns one entry of each (as a blocking read
	// of several streams may, on Redis versions that serve all streams
	// when one wakes it): the worker starts one and gives the other back,
	// to the tail of its stream, where a worker reads it again.
	vals, err := cl.Pipeline().
		Add("HSET", qa.jobKey("ja"), "type", "note/v1", "args", `"ja"`, "max", 1, "ttl", 60, "tries", 0, "state", "queued").
		Add("HSET", qb.jobKey("jb"), "type", "note/v1", "args", `"jb"`, "max", 1, "ttl", 60, "tries", 0, "state", "queued").
		Add("XADD", qa.stream(), "*", "job", "ja").Add("XADD", qb.stream(), "*", "job", "jb").
		Add("XREADGROUP", "GROUP", group, w.Consumer(), "COUNT", 1, "STREAMS", qa.stream(), qb.stream(), ">", ">").
		Exec()
	require.NoError(t, err)
	require.Equal(t, 1, w.startRead(vals[4], 1))
	assert.Equal(t, 1, w.Stats().GivenBack)
	_, err = Note.Wait(qa, "ja")
	require.NoError(t, err)
	_, done, err := Note.Result(qb, "jb")
	require.NoError(t, err)
	assert.False(t, done)
	w2 := NewWorker(cl, opts, qa, qb)
	run = rt.Spawn(w2.RunAsync())
	_, err = Note.Wait(qb, "jb")
	require.NoError(t, err)
	w2.Stop(time.Second)
	rt.Await(run)
	assert.Equal(t, 1, w2.Stats().Started, "jb was read once more, from the tail")
}

func TestPrioritiesAndGiveBack(t *testing.T) {
	notes = nil
	_, cl := startRedis(t)
	_, err := rt.Run(guardedAsync(prioritiesAsync(t, cl, NewQueue(cl, "a"), NewQueue(cl, "b"))))
	require.NoError(t, err)
}

// watchdog dumps the loop's tasks when a test body has not finished
// after d: a stuck test says where it is stuck.
//
// async
func watchdog(d time.Duration) {
	rt.Sleep(d)
	fmt.Fprintln(os.Stderr, "ajobs test: still running after", d)
	rt.Dump(os.Stderr)
}

// guarded runs body beside a watchdog.
//
// async
func guarded(body rt.Awaitable[struct{}]) error {
	wd := rt.Spawn(watchdogAsync(8 * time.Second))
	_, err := rt.Await(body)
	wd.Cancel()
	return err
}

// async
func waitReplicas(t *testing.T, cl *aredis.Client) {
	// A server without replicas: WAIT 1 times out, and both the enqueue
	// and the completion say so, having written all the same.
	q := NewQueue(cl, "t", WaitReplicas(1, 30*time.Millisecond))
	cl.Do("SCRIPT", "FLUSH") // the EVAL fallback inside the pipeline
	id, err := CountWords.Enqueue(q, "a b c")
	require.ErrorIs(t, err, ErrNotReplicated)
	require.NotEmpty(t, id)
	var logs []string
	opts := testWorkerOptions()
	opts.Logf = func(f string, a ...any) { logs = append(logs, fmt.Sprintf(f, a...)) }
	w := NewWorker(cl, opts, q)
	run := rt.Spawn(w.RunAsync())
	n, err := CountWords.Wait(q, id)
	require.NoError(t, err)
	assert.Equal(t, 3, n)
	w.Stop(time.Second)
	rt.Await(run)
	assert.Equal(t, 1, w.Stats().Done)
	require.Len(t, logs, 1)
	assert.Contains(t, logs[0], "fewer replicas than asked acknowledged the write (0 of 1")
}

func TestWaitReplicas(t *testing.T) {
	_, cl := startRedis(t)
	_, err := rt.Run(guardedAsync(waitReplicasAsync(t, cl)))
	require.NoError(t, err)
}
