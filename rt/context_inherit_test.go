package rt_test

import (
	"context"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type traceKey struct{}

// traceOf returns the trace value of the running task's context.
//
// async
func traceOf() (string, error) {
	v, _ := rt.Context().Value(traceKey{}).(string)
	return v, nil
}

// inheritChild reports the trace it sees, spawns a grandchild that reports
// too, and keeps its context in *got for the test to look at after its
// spawner ended.
//
// async
func inheritChild(got *context.Context, seen *[]string) error {
	*got = rt.Context()
	v, _ := traceOf()
	*seen = append(*seen, "child "+v)
	g := rt.Spawn(rt.Func(func() (struct{}, error) {
		v, _ := traceOf()
		*seen = append(*seen, "grandchild "+v)
		return struct{}{}, nil
	}))
	rt.Await(g)
	rt.Sleep(time.Hour)
	return nil
}

// inheritSpawner spawns inheritChild and ends at once, leaving it running.
//
// async
func inheritSpawner(got *context.Context, seen *[]string) (*rt.Task[struct{}], error) {
	return rt.Spawn(inheritChildAsync(got, seen)), nil
}

// inheritMain runs the scenarios of TestSpawnInheritsContextValues.
//
// async
func inheritMain(t *testing.T) error {
	var seen []string
	var childCtx context.Context
	spawner := rt.Spawn(inheritSpawnerAsync(&childCtx, &seen))
	child, err := rt.Await(spawner)
	require.NoError(t, err)
	rt.Sleep(time.Minute)
	assert.Equal(t, []string{"child req-1", "grandchild req-1"}, seen, "values reach children and grandchildren")
	assert.NoError(t, childCtx.Err(), "the spawner's end does not cancel the child's context")

	// Gather, WaitFor and WaitAny run their plain coroutines as tasks: the
	// same inheritance.
	vs, err := rt.Await(rt.Gather(traceOfAsync(), traceOfAsync()))
	require.NoError(t, err)
	assert.Equal(t, []string{"req-1", "req-1"}, vs)
	v, err := rt.Await(rt.WaitFor(traceOfAsync(), time.Second))
	require.NoError(t, err)
	assert.Equal(t, "req-1", v)

	// Cancelling the child cancels its context only.
	child.Cancel()
	_, err = rt.Await(child)
	assert.ErrorIs(t, err, rt.ErrCanceled)
	assert.ErrorIs(t, childCtx.Err(), context.Canceled)
	assert.NoError(t, rt.Context().Err())
	return nil
}

// TestSpawnInheritsContextValues: a spawned task's context carries the
// values of its spawner's context, as asyncio's create_task copies the
// contextvars, and as context.WithoutCancel does in plain Go: the values,
// not the cancellation (a task outlives its spawner). The plain-Go row
// states the reference.
func TestSpawnInheritsContextValues(t *testing.T) {
	root := context.WithValue(context.Background(), traceKey{}, "req-1")

	// Plain Go: what a child derived with WithoutCancel sees.
	parent, cancel := context.WithCancel(root)
	plain := context.WithoutCancel(parent)
	cancel()
	assert.Equal(t, "req-1", plain.Value(traceKey{}))
	assert.NoError(t, plain.Err())

	_, err := rt.Run(inheritMainAsync(t), rt.VirtualTime(), rt.WithContext(root))
	require.NoError(t, err)
}
