//go:build unix

package rt_test

import (
	"syscall"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// waitForever parks main and a task on every other loop, each with a
// deferred call that logs, and tells ready once they are all parked.
//
// async
func waitForever(tr *trace, ready func()) error {
	task := rt.CurrentTask()
	defer func() { tr.log("main deferred, cancelling=%v", task.Cancelling()) }()
	g := rt.CurrentGroup()
	var rs []*rt.Remote[int]
	for i := 1; i < g.Len(); i++ {
		rs = append(rs, rt.Submit(g.Loop(i), remoteSleeperAsync(tr, time.Hour)))
	}
	rt.Sleep(10 * time.Millisecond)
	ready()
	_, err := awaitAll(rs)
	return err
}

// TestGroupCancelOnSignal: the signal cancels main, whose cancellation
// reaches the remote tasks it awaits; every deferred call runs.
func TestGroupCancelOnSignal(t *testing.T) {
	tr := &trace{}
	ready := func() { syscall.Kill(syscall.Getpid(), syscall.SIGUSR1) }
	_, err := rt.RunGroup(waitForeverAsync(tr, ready), rt.Loops(3), rt.CancelOn(syscall.SIGUSR1))
	require.ErrorIs(t, err, rt.ErrCanceled)
	got := tr.String()
	assert.Contains(t, got, "remote deferred on loop 1, cancelling=true")
	assert.Contains(t, got, "remote deferred on loop 2, cancelling=true")
	assert.Contains(t, got, "main deferred, cancelling=true")
}
