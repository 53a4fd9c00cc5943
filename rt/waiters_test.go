package rt

import (
	"math/rand"
	"testing"

	"github.com/stretchr/testify/require"
)

// checkList verifies a wait list's invariants: its links, its live count,
// and that its cursor is the first waiter that is not done.
func checkList(t *testing.T, name string, l *waitList) {
	t.Helper()
	var prev, firstPending *waiter
	live := 0
	for w := l.head; w != nil; w = w.next {
		switch {
		case w.list != l:
			t.Fatalf("%s: a waiter's list is %p, not %p", name, w.list, l)
		case w.prev != prev:
			t.Fatalf("%s: broken prev link", name)
		case !w.canceled && w.c.parked != waitCanceler(w):
			t.Fatalf("%s: a waiting task is parked on %T, not its waiter", name, w.c.parked)
		}
		if !w.canceled {
			live++
		}
		if firstPending == nil && !w.done() {
			firstPending = w
		}
		prev = w
	}
	switch {
	case prev != l.tail:
		t.Fatalf("%s: tail", name)
	case live != l.live:
		t.Fatalf("%s: live count %d, want %d", name, l.live, live)
	case firstPending != l.pend:
		t.Fatalf("%s: the cursor is not the first waiter that is not done", name)
	}
}

// TestWaitListRandomOps drives every primitive with random operations
// (tasks that wait, wake-ups, cancellations of random tasks, loop turns)
// and checks the wait lists' invariants after each one; at the end every
// task is cancelled and the lists must be empty.
func TestWaitListRandomOps(t *testing.T) {
	for seed := int64(1); seed <= 8; seed++ {
		r := rand.New(rand.NewSource(seed))
		l := newLoop(VirtualTime())
		sem := NewSemaphore(0)
		q := NewQueue[int](2)
		mu := &Lock{}
		cv := NewCondition(nil)
		ev := &Event{}
		bar := NewBarrier(3)
		lists := map[string]*waitList{
			"sem": &sem.waiters, "getters": &q.getters, "putters": &q.putters, "lock": &mu.waiters,
			"cond": &cv.waiters, "cond.L": &cv.L.waiters, "event": &ev.waiters, "barrier": &bar.waiters,
		}
		var tasks []*Coro
		ops := []func(){
			func() { tasks = append(tasks, spawnOn(l, sem.AcquireAsync())) },
			func() { sem.Release() },
			func() { tasks = append(tasks, spawnOn(l, q.GetAsync())) },
			func() { tasks = append(tasks, spawnOn(l, q.PutAsync(r.Int()))) },
			func() { q.TryPut(1) },
			func() { q.TryGet() },
			func() { tasks = append(tasks, spawnOn(l, mu.AcquireAsync())) },
			func() {
				if mu.Locked() {
					mu.Release()
				}
			},
			func() { tasks = append(tasks, spawnOn(l, Awaitable[struct{}](&condWaiter{cv: cv}))) },
			func() {
				if cv.L.TryAcquire() {
					cv.Notify(1 + r.Intn(3))
					cv.L.Release()
				}
			},
			func() { tasks = append(tasks, spawnOn(l, ev.WaitAsync())) },
			func() { ev.Set() },
			func() { ev.Clear() },
			func() { tasks = append(tasks, spawnOn(l, bar.WaitAsync())) },
			func() {
				if r.Intn(4) == 0 {
					bar.Reset()
				}
			},
			func() {
				if len(tasks) > 0 {
					tasks[r.Intn(len(tasks))].Cancel()
				}
			},
			func() {
				if len(tasks) > 0 {
					tasks[r.Intn(len(tasks))].Cancel()
				}
			},
			func() { l.runOnce() },
			func() { l.runOnce() },
			func() { l.runOnce() },
		}
		for step := 0; step < 2000; step++ {
			ops[r.Intn(len(ops))]()
			for name, wl := range lists {
				checkList(t, name, wl)
			}
		}
		for _, c := range tasks {
			c.Cancel()
		}
		for i := 0; i < 1000 && l.ready.len() > 0; i++ {
			l.runOnce()
			for name, wl := range lists {
				checkList(t, name, wl)
			}
		}
		for name, wl := range lists {
			require.True(t, wl.empty(), "seed %d: %s is empty at the end", seed, name)
		}
	}
}
