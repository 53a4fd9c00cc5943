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

// ctxUnwinds takes its context, then sleeps; its deferred call reports
// the context's error while the task unwinds, and the error of a context
// asked for only then.
//
// async
func ctxUnwinds(got *context.Context, inDefer, lateDefer *error) error {
	*got = rt.Context()
	defer func() { *inDefer = (*got).Err() }()
	defer rt.Await(rt.Func(func() (struct{}, error) {
		*lateDefer = rt.Context().Err()
		return struct{}{}, nil
	}))
	rt.Sleep(time.Hour)
	return nil
}

// cancelAtCancel cancels a task and looks at its context before the task
// has run again.
//
// async
func cancelAtCancel() (string, error) {
	var wctx context.Context
	var inDefer, lateDefer error
	w := rt.Spawn(ctxUnwindsAsync(&wctx, &inDefer, &lateDefer))
	rt.Sleep(time.Millisecond)
	w.Cancel()
	atCancel := wctx.Err()
	_, err := rt.Await(w)
	return fmt.Sprintf("at cancel: %v; in defer: %v; asked for in defer: %v; task: %v", atCancel, inDefer, lateDefer, err), nil
}

// TestContextCancelledAtCancel: a task's context is cancelled by Cancel
// itself, before the task runs again (its deferred calls see it done),
// as a Go context is, so a call in flight elsewhere stops at once.
func TestContextCancelledAtCancel(t *testing.T) {
	got, err := rt.Run(cancelAtCancelAsync(), rt.VirtualTime())
	require.NoError(t, err)
	assert.Equal(t, "at cancel: context canceled; in defer: context canceled; asked for in defer: context canceled; task: rt: canceled", got)
}

// survivesTimeout runs into a timeout scope's deadline and goes on.
//
// async
func survivesTimeout() (string, error) {
	ctx := rt.Context()
	_, err := rt.Await(rt.Timeout(time.Second, rt.SleepAsync(time.Hour)))
	if !errors.Is(err, rt.ErrTimeout) {
		return "", fmt.Errorf("timeout: %v", err)
	}
	var inner context.Context
	_, err = rt.Await(rt.WaitFor(rt.Func(func() (struct{}, error) {
		inner = rt.Context()
		rt.Sleep(time.Hour)
		return struct{}{}, nil
	}), time.Second))
	if !errors.Is(err, rt.ErrTimeout) {
		return "", fmt.Errorf("wait for: %v", err)
	}
	return fmt.Sprintf("after timeout: %v; WaitFor's task: %v", ctx.Err(), inner.Err()), nil
}

// TestContextLiveAfterTimeoutScope: a timeout scope's expiry, which the
// task survives, leaves its context live; WaitFor's own task is cancelled
// with its context.
func TestContextLiveAfterTimeoutScope(t *testing.T) {
	got, err := rt.Run(survivesTimeoutAsync(), rt.VirtualTime())
	require.NoError(t, err)
	assert.Equal(t, "after timeout: <nil>; WaitFor's task: context canceled", got)
}

type ctxKey struct{}

// threadSees returns what the call on the pool sees of its context: the
// value of the run's context, and whether it is the task's context or
// one derived from it.
//
// async
func threadSees() (string, error) {
	task := rt.Context()
	return rt.ToThreadContext(func(ctx context.Context) (string, error) {
		return fmt.Sprintf("%v %v %v", ctx.Value(ctxKey{}), task.Value(ctxKey{}), ctx != task), nil
	})
}

// TestToThreadContextDerivesFromTask: ToThreadContext's context derives
// from the task's, which for Run's main task derives from WithContext's.
func TestToThreadContextDerivesFromTask(t *testing.T) {
	ctx := context.WithValue(context.Background(), ctxKey{}, "v")
	got, err := rt.Run(threadSeesAsync(), rt.WithContext(ctx))
	require.NoError(t, err)
	assert.Equal(t, "v v true", got)
}

// threadStopsAtCancel: a task blocked in ToThreadContext whose sibling
// took the task's context; cancelling stops the call through the task's
// context.
//
// async
func threadStopsAtCancel(stopped chan error) (string, error) {
	var taskCtx context.Context
	w := rt.Spawn(rt.Func(func() (int, error) {
		taskCtx = rt.Context()
		return rt.ToThreadContext(blockUntilDone(stopped))
	}))
	rt.Sleep(time.Millisecond)
	w.Cancel()
	_, err := rt.Await(w)
	return fmt.Sprintf("%v %v", err, taskCtx.Err()), nil
}

func TestToThreadContextStopsWithTask(t *testing.T) {
	stopped := make(chan error, 1)
	got, err := rt.Run(threadStopsAtCancelAsync(stopped))
	require.NoError(t, err)
	assert.Equal(t, "rt: canceled context canceled", got)
	assert.ErrorIs(t, <-stopped, context.Canceled)
}
