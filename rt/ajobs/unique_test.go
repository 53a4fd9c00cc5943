//go:build unix

package ajobs

import (
	"errors"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// waitDead enqueues a unique job that dies on its first run and waits for
// it; it returns the job's id.
//
// async
func waitDead(t *testing.T, q *Queue, id *string) {
	var err error
	*id, err = Flaky.Enqueue(q, 1000, Retries(0), Unique("u", time.Minute))
	require.NoError(t, err)
	_, err = Flaky.Wait(q, *id)
	var je *JobError
	require.True(t, errors.As(err, &je), "got %v", err)
}

// waitCount waits for a CountWords job.
//
// async
func waitCount(t *testing.T, q *Queue, id string) {
	_, err := CountWords.Wait(q, id)
	require.NoError(t, err)
}

// TestRetryDeadHonoursUnique: a dead unique job frees its key; retrying
// it while a new job with the key is queued is refused (two jobs would
// hold one key) and leaves it dead; once the new job is done the retry
// takes the key again, so a third enqueue with it is a duplicate of the
// retried job.
func TestRetryDeadHonoursUnique(t *testing.T) {
	_, cl := startRedis(t)
	testCl = cl
	q := NewQueue(cl, "t")
	var dead string
	_, err := rt.Run(withWorkerAsync(NewWorker(cl, testWorkerOptions(), q), func() rt.Awaitable[struct{}] { return waitDeadAsync(t, q, &dead) }))
	require.NoError(t, err)

	// No worker runs now: the new job stays queued.
	id2, err := CountWords.Enqueue(q, "a b", Unique("u", time.Minute))
	require.NoError(t, err, "a dead job's unique key is free")
	err = q.RetryDead(dead)
	require.ErrorIs(t, err, ErrDuplicate)
	assert.Contains(t, err.Error(), id2)
	_, done, err := Flaky.Result(q, dead)
	var je *JobError
	assert.True(t, done && errors.As(err, &je), "the refused retry left the job dead: done=%v err=%v", done, err)
	deads, err := q.DeadJobs(10)
	require.NoError(t, err)
	require.Len(t, deads, 1)
	assert.Equal(t, dead, deads[0].ID)

	_, err = rt.Run(withWorkerAsync(NewWorker(cl, testWorkerOptions(), q), func() rt.Awaitable[struct{}] { return waitCountAsync(t, q, id2) }))
	require.NoError(t, err)
	require.NoError(t, q.RetryDead(dead), "the key is free once the new job is done")
	holder, err := CountWords.Enqueue(q, "c", Unique("u", time.Minute))
	assert.ErrorIs(t, err, ErrDuplicate, "the retried job holds the key")
	assert.Equal(t, dead, holder)
}
