//go:build unix

package aredis_test

import (
	"runtime"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/internal/redistest"
	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/aredis"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func liveHeap() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// commandsLeave runs n commands one after the other on the loop, after a
// warm-up, and notes the live heap before and after them and what the
// loop holds at the end.
//
// async
func commandsLeave(cl *aredis.Client, n int, before, after *uint64, st *rt.LoopStats) error {
	for i := 0; i < 1000; i++ {
		if _, err := cl.Do("PING"); err != nil {
			return err
		}
	}
	*before = liveHeap()
	for i := 0; i < n; i++ {
		if _, err := cl.Do("PING"); err != nil {
			return err
		}
	}
	*after = liveHeap()
	*st = rt.CurrentLoop().Stats()
	return nil
}

// TestCommandTimeoutTimersDropped: a command's CommandTimeout arms a
// deadline timer whenever its reply is not there yet (a read wait); the
// command's end makes the timer stale, and the loop drops stale timers
// once they are half its heap (and at least 64). So a long CommandTimeout
// does not keep a timer per recent command until it is due: no live timer
// is left, and the live heap does not grow with the commands (a timer
// kept per read wait is 32 B of heap, and the dial's WaitFor would keep
// its task until due).
func TestCommandTimeoutTimersDropped(t *testing.T) {
	srv := redistest.Start(t)
	const n = 20000
	for _, timeout := range []time.Duration{0, time.Hour} {
		cl := aredis.New(aredis.Options{Addr: srv.Socket(), CommandTimeout: timeout, DialTimeout: time.Hour})
		var before, after uint64
		var st rt.LoopStats
		_, err := rt.Run(commandsLeaveAsync(cl, n, &before, &after, &st))
		require.NoError(t, err)
		cl.Close()
		t.Logf("CommandTimeout %v: %d commands, live heap %d B -> %d B, loop %+v", timeout, n, before, after, st)
		assert.Zero(t, st.Timers, "CommandTimeout %v: live timers left after the commands", timeout)
		assert.Less(t, int64(after)-int64(before), int64(32<<10), "CommandTimeout %v: the live heap grew with the commands", timeout)
	}
}
