package rt_test

import (
	"context"
	"errors"
	"fmt"
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

// blockUntilDone is a blocking call that honours its context, and tells
// on stopped when it saw the context done.
func blockUntilDone(stopped chan<- error) func(ctx context.Context) (int, error) {
	return func(ctx context.Context) (int, error) {
		<-ctx.Done()
		stopped <- ctx.Err()
		return 0, ctx.Err()
	}
}

// threadCtxMain starts a task blocked in ToThreadContext, cancels it, and
// returns what the blocking call saw.
//
// async
func threadCtxMain(stopped chan error) (int, error) {
	w := rt.Spawn(rt.Func(func() (int, error) {
		return rt.ToThreadContext(blockUntilDone(stopped))
	}))
	rt.Sleep(time.Millisecond)
	w.Cancel()
	_, err := rt.Await(w)
	return 0, err
}

// TestToThreadContextCancel: cancelling the awaiting task cancels the
// context of the call running on the pool, which then returns.
func TestToThreadContextCancel(t *testing.T) {
	stopped := make(chan error, 1)
	_, err := rt.Run(threadCtxMainAsync(stopped))
	require.ErrorIs(t, err, rt.ErrCanceled)
	select {
	case err := <-stopped:
		assert.ErrorIs(t, err, context.Canceled)
	case <-time.After(10 * time.Second):
		t.Fatal("the blocking call was not cancelled")
	}
	v, err := rt.ToThreadContext(func(ctx context.Context) (int, error) { return 7, ctx.Err() })
	assert.Equal(t, 7, v)
	assert.NoError(t, err)
}

// waitCtxMain waits for ctx, which a goroutine cancels, then waits for a
// context that is never done in a task it cancels.
//
// async
func waitCtxMain(ctx context.Context) error {
	err := rt.WaitContext(ctx)
	w := rt.Spawn(rt.Func(func() (struct{}, error) {
		return struct{}{}, rt.WaitContext(context.Background())
	}))
	rt.Sleep(time.Millisecond)
	w.Cancel()
	_, werr := rt.Await(w)
	if !errors.Is(werr, rt.ErrCanceled) {
		return fmt.Errorf("cancelled wait: %v", werr)
	}
	return err
}

// TestWaitContext: awaiting a context's end from async code wakes the
// task when another goroutine cancels it; a cancelled wait stops.
func TestWaitContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(20*time.Millisecond, cancel)
	_, err := rt.Run(waitCtxMainAsync(ctx))
	require.ErrorIs(t, err, context.Canceled)
	done, cancel2 := context.WithCancel(context.Background())
	cancel2()
	_, err = rt.Run(waitCtxMainAsync(done))
	require.ErrorIs(t, err, context.Canceled, "a context already done")
}

// sleepsLong sleeps for an hour and logs its deferred cleanup.
//
// async
func sleepsLong(cleaned *bool) error {
	defer func() { *cleaned = true }()
	rt.Sleep(time.Hour)
	return nil
}

// TestRunWithContext: WithContext cancels the main task of Run when the
// context is done; its deferred calls run.
func TestRunWithContext(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	cleaned := false
	began := time.Now()
	_, err := rt.Run(sleepsLongAsync(&cleaned), rt.WithContext(ctx))
	require.ErrorIs(t, err, rt.ErrCanceled)
	assert.True(t, cleaned)
	assert.Less(t, time.Since(began), 10*time.Second)
}
