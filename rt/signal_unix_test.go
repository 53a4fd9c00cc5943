//go:build unix

package rt

import (
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// signalLogger waits for SIGUSR1 and logs its id.
type signalLogger struct {
	log   *[]int
	id    int
	state int
}

func (g *signalLogger) AwaitStart(c *Coro) Status      { return c.Push(g) }
func (g *signalLogger) AwaitResult() (struct{}, error) { return struct{}{}, nil }

func (g *signalLogger) Resume(c *Coro) Status {
	if c.Unwinding() {
		return Ready
	}
	if g.state == 0 {
		g.state = 1
		return WaitSignalAsync(syscall.SIGUSR1).AwaitStart(c)
	}
	*g.log = append(*g.log, g.id)
	return Ready
}

// TestSignalWaitCancel: of five tasks waiting for a signal, the cancelled
// ones (the first, one in the middle, the last) leave the hub, and the
// signal wakes the others in the order they began waiting.
func TestSignalWaitCancel(t *testing.T) {
	l := newLoop()
	defer l.close()
	var log []int
	var cs []*Coro
	for id := 1; id <= 5; id++ {
		cs = append(cs, spawnOn(l, Awaitable[struct{}](&signalLogger{log: &log, id: id})))
	}
	l.runOnce()
	for _, id := range []int{1, 3, 5} {
		cs[id-1].Cancel()
	}
	l.runOnce()
	require.True(t, l.signals.waiting())
	require.NoError(t, syscall.Kill(os.Getpid(), syscall.SIGUSR1))
	deadline := time.Now().Add(10 * time.Second)
	for len(log) < 2 && time.Now().Before(deadline) {
		l.inbox.drain(l)
		for l.ready.len() > 0 {
			l.runOnce()
		}
		time.Sleep(time.Millisecond)
	}
	require.Equal(t, []int{2, 4}, log)
	require.False(t, l.signals.waiting())
	require.Nil(t, l.head)
}
