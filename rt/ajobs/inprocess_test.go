//go:build unix

package ajobs

import (
	"errors"
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
	assert.Panics(t, func() { Define("count_words/v1", countWordsAsync) }, "defined twice")
}
