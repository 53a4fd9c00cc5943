package rt

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// futureLogger awaits f and then logs its id; cancelled, it logs -id and,
// with again set, awaits f once more while it unwinds (a deferred await
// of the same future) before it logs 100+id.
type futureLogger struct {
	f     *Future[int]
	log   *[]int
	id    int
	again bool
	state int
}

func (g *futureLogger) AwaitStart(c *Coro) Status      { return c.Push(g) }
func (g *futureLogger) AwaitResult() (struct{}, error) { return struct{}{}, nil }

func (g *futureLogger) Resume(c *Coro) Status {
	switch {
	case g.state == 0:
		g.state = 1
		return g.f.AwaitStart(c)
	case c.Unwinding() && g.state == 1:
		*g.log = append(*g.log, -g.id)
		if !g.again {
			return Ready
		}
		g.state = 2
		return g.f.AwaitStart(c)
	case g.state == 2:
		*g.log = append(*g.log, 100+g.id)
		return Ready
	}
	*g.log = append(*g.log, g.id)
	return Ready
}

func runUntilIdle(l *loop) {
	for l.ready.len() > 0 {
		l.runOnce()
	}
}

// TestWaitqCancelOrder: tasks cancelled out of a future's waiters (the
// first, ones in the middle, the last) are not woken, the others are woken
// in the order they began waiting, and a task that awaits the future again
// while it unwinds is woken once, in its new place at the end.
func TestWaitqCancelOrder(t *testing.T) {
	l := newLoop(VirtualTime())
	f := NewFuture[int]()
	var log []int
	var cs []*Coro
	for id := 1; id <= 8; id++ {
		cs = append(cs, spawnOn(l, Awaitable[struct{}](&futureLogger{f: f, log: &log, id: id, again: id == 4})))
	}
	runUntilIdle(l)
	for _, id := range []int{1, 4, 5, 8} {
		cs[id-1].Cancel()
	}
	runUntilIdle(l)
	require.Equal(t, []int{-1, -4, -5, -8}, log)
	spawnOn(l, Awaitable[struct{}](&futureLogger{f: f, log: &log, id: 9}))
	runUntilIdle(l)
	log = nil
	f.SetResult(0)
	runUntilIdle(l)
	require.Equal(t, []int{2, 3, 6, 7, 104, 9}, log)
	require.Nil(t, l.head, "every task is done")
}

// TestWaitqTombstonesCompacted: a long-lived waiter and a stream of waiters
// that are each cancelled (a wait that keeps timing out on a future that
// never completes) leave no trail in the future's list.
func TestWaitqTombstonesCompacted(t *testing.T) {
	l := newLoop(VirtualTime())
	f := NewFuture[int]()
	var log []int
	spawnOn(l, Awaitable[struct{}](&futureLogger{f: f, log: &log, id: 1}))
	runUntilIdle(l)
	for i := 0; i < 1000; i++ {
		c := spawnOn(l, Awaitable[struct{}](&futureLogger{f: f, log: &log, id: 2}))
		runUntilIdle(l)
		c.Cancel()
		runUntilIdle(l)
		require.LessOrEqual(t, f.waiters.restLen(), 2, "round %d", i)
	}
	f.SetResult(0)
	runUntilIdle(l)
	require.Equal(t, 1, log[len(log)-1], "the long-lived waiter is woken, once")
	require.Equal(t, 1001, len(log))
}

// logCall is a done callback for a waitq that logs its id.
type logCall struct {
	l   *loop
	log *[]int
	id  int
}

func (k *logCall) run()              { *k.log = append(*k.log, k.id) }
func (k *logCall) waiterLoop() *loop { return k.l }

// TestWaitqCallbacksKeepTheirPlace: done callbacks, kept apart from the
// waiting tasks in a waitq, run in the order they were added among the
// tasks, also after cancellations have compacted the tasks.
func TestWaitqCallbacksKeepTheirPlace(t *testing.T) {
	l := newLoop(VirtualTime())
	f := NewFuture[int]()
	var log []int
	cs := map[int]*Coro{}
	spawn := func(ids ...int) {
		for _, id := range ids {
			cs[id] = spawnOn(l, Awaitable[struct{}](&futureLogger{f: f, log: &log, id: id}))
		}
		runUntilIdle(l)
	}
	spawn(1, 2, 3, 4)
	f.waiters.add(l, &logCall{l, &log, 101})
	spawn(5, 6)
	f.waiters.add(l, &logCall{l, &log, 102})
	for _, id := range []int{2, 3, 4} {
		cs[id].Cancel()
	}
	runUntilIdle(l)
	require.Equal(t, []int{-2, -3, -4}, log)
	require.Len(t, f.waiters.restTasks(), 2, "the cancelled tasks were compacted away")
	log = nil
	f.SetResult(0)
	runUntilIdle(l)
	require.Equal(t, []int{1, 101, 5, 6, 102}, log)
}
