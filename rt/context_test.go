package rt_test

import (
	"context"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ctxWorker reports its context and sleeps for an hour.
//
// async
func ctxWorker(got *context.Context) error {
	*got = rt.Context()
	rt.Sleep(time.Hour)
	return nil
}

// ctxMain checks the context of a task: the same on every call, live
// while the task runs, done once it was cancelled and ended; and that of
// a task that returned.
//
// async
func ctxMain(t *testing.T) error {
	ctx := rt.Context()
	assert.Same(t, ctx, rt.Context(), "one context per task")
	var wctx context.Context
	w := rt.Spawn(ctxWorkerAsync(&wctx))
	rt.Sleep(time.Millisecond)
	assert.NotSame(t, ctx, wctx)
	assert.NoError(t, wctx.Err(), "live while the task runs")
	w.Cancel()
	_, err := rt.Await(w)
	assert.ErrorIs(t, err, rt.ErrCanceled)
	assert.ErrorIs(t, wctx.Err(), context.Canceled, "done once the task has ended")
	assert.NoError(t, ctx.Err())
	return nil
}

func TestTaskContext(t *testing.T) {
	_, err := rt.Run(ctxMainAsync(t), rt.VirtualTime())
	require.NoError(t, err)
	assert.NoError(t, rt.Context().Err(), "ordinary code: Background")
}
