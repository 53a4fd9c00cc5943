package rt

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestCPythonLocks(t *testing.T) {
	tr := &trace{}
	mu := &Lock{}
	ev := &Event{}
	sem := NewSemaphore(2)
	var a, q, b, c *Task[any]
	spawn := func(name string, dst **Task[any]) []func(any, error) erased {
		return []func(any, error) erased{
			func(any, error) erased { return await(SpawnAsync(lockerAsync(tr, name, mu))) },
			func(v any, _ error) erased { *dst = v.(*Task[any]); return nil },
		}
	}
	main := cscriptAsync(cat(
		step(func(any, error) erased { return await(mu.AcquireAsync()) }),
		spawn("a", &a), spawn("q", &q), spawn("b", &b),
		step(func(any, error) erased { return await(SleepAsync(0)) }),
		step(func(any, error) erased {
			mu.Release()
			tr.log("main released: locked=%s", pyBool(mu.Locked()))
			return nil
		}),
		spawn("c", &c),
		step(func(any, error) erased { a.Cancel(); return await(SleepAsync(0)) }),
		step(func(any, error) erased { q.Cancel(); return await(SleepAsync(0)) }),
		step(func(any, error) erased {
			tr.log("main: locked=%s", pyBool(mu.Locked()))
			return await(Gather[any](b, c))
		}),
		spawnAll([]Awaitable[any]{eventWaiterAsync(tr, "e0", ev), eventWaiterAsync(tr, "e1", ev), eventWaiterAsync(tr, "e2", ev)},
			func([]*Task[any]) erased { return await(SleepAsync(0)) }),
		step(func(any, error) erased {
			ev.Set()
			ev.Clear()
			tr.log("set and cleared")
			return await(SpawnAsync(eventWaiterAsync(tr, "e3", ev)))
		}),
		step(func(any, error) erased { return await(SleepAsync(0)) }),
		step(func(any, error) erased { return await(SleepAsync(0)) }),
		step(func(any, error) erased { tr.log("set again"); ev.Set(); return await(SleepAsync(0)) }),
		step(func(any, error) erased {
			return await(Gather(semWorkerAsync(tr, "s1", sem, 3*time.Second), semWorkerAsync(tr, "s2", sem, time.Second),
				semWorkerAsync(tr, "s3", sem, time.Second), semWorkerAsync(tr, "s4", sem, time.Second)))
		}),
		logNow(tr, "end at %s"),
	)...)
	_, err := Run(main, VirtualTime())
	require.NoError(t, err)
	_, err = a.Result()
	require.ErrorIs(t, err, ErrCanceled)
	matchCPython(t, "locks.py", `a wants
q wants
b wants
main released: locked=False
c wants
main: locked=False
b holds at 0
b releases
c holds at 1
c releases
e0 waits
e1 waits
e2 waits
set and cleared
e0 woke, set=False
e1 woke, set=False
e2 woke, set=False
e3 waits
set again
e3 woke, set=True
s1 wants
s1 in at 2
s2 wants
s2 in at 2
s3 wants
s4 wants
s2 out
s3 in at 3
s3 out
s4 in at 4
s1 out
s4 out
end at 5
`, tr.String())
}

func TestCPythonCondition(t *testing.T) {
	tr := &trace{}
	cv := NewCondition(nil)
	box := 0
	b := NewBarrier(3)
	var x *Task[any]
	locked := func(f func()) []func(any, error) erased {
		return []func(any, error) erased{
			func(any, error) erased { return await(cv.L.AcquireAsync()) },
			func(any, error) erased { f(); cv.L.Release(); return nil },
		}
	}
	sleep := func(d time.Duration) []func(any, error) erased {
		return step(func(any, error) erased { return await(SleepAsync(d)) })
	}
	main := cscriptAsync(cat(
		spawnAll([]Awaitable[any]{condWaiterAsync(tr, "c0", cv), condWaiterAsync(tr, "c1", cv), condWaiterAsync(tr, "c2", cv), condWaiterAsync(tr, "c3", cv)},
			func([]*Task[any]) erased { return nil }),
		sleep(0),
		locked(func() { cv.Notify(2); tr.log("notified 2") }),
		sleep(5*time.Second),
		locked(func() { cv.NotifyAll(); tr.log("notified all") }),
		sleep(5*time.Second),
		spawnAll([]Awaitable[any]{predWaiterAsync(tr, "p0", cv, &box), predWaiterAsync(tr, "p1", cv, &box)},
			func([]*Task[any]) erased { return nil }),
		sleep(0),
		locked(func() { box++; tr.log("box %d", box); cv.NotifyAll() }),
		sleep(0),
		locked(func() { box++; tr.log("box %d", box); cv.NotifyAll() }),
		sleep(0),
		sleep(0),
		step(func(any, error) erased {
			return await(Gather(partyAsync(tr, "b0", b, 2), partyAsync(tr, "b1", b, 2), partyAsync(tr, "b2", b, 2)))
		}),
		step(func(any, error) erased {
			tr.log("waiting %d", b.Waiting())
			return await(SpawnAsync(partyAsync(tr, "x", b, 1)))
		}),
		step(func(v any, _ error) erased { x = v.(*Task[any]); return await(SleepAsync(0)) }),
		step(func(any, error) erased { b.Abort(); return await(Awaitable[any](x)) }),
		step(func(any, error) erased {
			tr.log("broken %s", pyBool(b.Broken()))
			b.Reset()
			return await(Gather(partyAsync(tr, "y0", b, 1), partyAsync(tr, "y1", b, 1), partyAsync(tr, "y2", b, 1)))
		}),
	)...)
	_, err := Run(main, VirtualTime())
	require.NoError(t, err)
	matchCPython(t, "condition.py", `c0 waits
c1 waits
c2 waits
c3 waits
notified 2
c0 notified at 0
c0 leaves
c1 notified at 1
c1 leaves
notified all
c2 notified at 5
c2 leaves
c3 notified at 6
c3 leaves
box 1
box 2
p0 sees 2
p1 sees 2
b0 arrives r0
b1 arrives r0
b2 arrives r0
b2 passes r0 as 2
b2 arrives r1
b0 passes r0 as 0
b0 arrives r1
b1 passes r0 as 1
b1 arrives r1
b0 passes r1 as 2
b1 passes r1 as 0
b2 passes r1 as 1
waiting 0
x arrives r0
x broken r0
broken True
y0 arrives r0
y1 arrives r0
y2 arrives r0
y2 passes r0 as 2
y0 passes r0 as 0
y1 passes r0 as 1
`, tr.String())
}

func TestCPythonQueues(t *testing.T) {
	tr := &trace{}
	q := NewQueue[string](2)
	q2 := NewQueue[string](0)
	q3 := NewQueue[string](1)
	var cs, gs, ps []*Task[any]
	sleep0 := step(func(any, error) erased { return await(SleepAsync(0)) })
	must := func(v string, err error) string { require.NoError(t, err); return v }
	mustPut := func(q *Queue[string], v string) { require.NoError(t, q.TryPut(v)) }
	main := cscriptAsync(cat(
		spawnAll([]Awaitable[any]{consumerAsync(tr, "c0", q), consumerAsync(tr, "c1", q)},
			func(ts []*Task[any]) erased {
				cs = ts
				return await(Gather(producerAsync(tr, "a", q, 3), producerAsync(tr, "b", q, 3)))
			}),
		logNow(tr, "produced at %s"),
		step(func(any, error) erased { return await(q.JoinAsync()) }),
		logNow(tr, "joined at %s"),
		step(func(any, error) erased {
			for _, c := range cs {
				c.Cancel()
			}
			lq := NewLifoQueue[int](0)
			pq := NewPriorityQueue(0, func(a, b int) bool { return a < b })
			for _, v := range []int{3, 1, 4, 1, 5, 9, 2, 6} {
				require.NoError(t, lq.TryPut(v))
				require.NoError(t, pq.TryPut(v))
			}
			var l, p []string
			for range 8 {
				v, _ := lq.TryGet()
				l = append(l, fmt.Sprint(v))
				v, _ = pq.TryGet()
				p = append(p, fmt.Sprint(v))
			}
			tr.log("lifo [%s]", strings.Join(l, ", "))
			tr.log("prio [%s]", strings.Join(p, ", "))
			return nil
		}),
		spawnAll([]Awaitable[any]{getterAsync(tr, "g0", q2), getterAsync(tr, "g1", q2), getterAsync(tr, "g2", q2), getterAsync(tr, "g3", q2)},
			func(ts []*Task[any]) erased { gs = ts; return await(SleepAsync(0)) }),
		step(func(any, error) erased {
			mustPut(q2, "x")
			tr.log("main steals %s", must(q2.TryGet()))
			mustPut(q2, "y")
			gs[1].Cancel()
			return await(SleepAsync(0))
		}),
		sleep0,
		step(func(any, error) erased { mustPut(q2, "z"); return await(SleepAsync(0)) }),
		sleep0,
		step(func(any, error) erased {
			tr.log("left %d", q2.Len())
			mustPut(q2, "w")
			return await(Gather[any](gs[0], gs[2], gs[3]))
		}),
		step(func(any, error) erased {
			mustPut(q3, "full")
			return nil
		}),
		spawnAll([]Awaitable[any]{putterAsync(tr, "p0", q3, "v0"), putterAsync(tr, "p1", q3, "v1"), putterAsync(tr, "p2", q3, "v2")},
			func(ts []*Task[any]) erased { ps = ts; return await(SleepAsync(0)) }),
		step(func(any, error) erased {
			tr.log("main got %s", must(q3.TryGet()))
			ps[0].Cancel()
			return await(SleepAsync(0))
		}),
		sleep0,
		step(func(any, error) erased {
			tr.log("main got %s", must(q3.TryGet()))
			return await(Awaitable[any](ps[2]))
		}),
		step(func(any, error) erased {
			tr.log("main got %s full=%s", must(q3.TryGet()), pyBool(q3.Full()))
			return nil
		}),
	)...)
	_, err := Run(main, VirtualTime())
	require.NoError(t, err)
	matchCPython(t, "queues.py", `a put a0 size=1
a put a1 size=2
c0 got a0 at 0
c1 got a1 at 0
a put a2 size=1
a done
b put b0 size=2
c0 got a2 at 1
c1 got b0 at 1
b put b1 size=1
b put b2 size=2
b done
produced at 1
c0 got b1 at 2
c1 got b2 at 2
joined at 3
lifo [6, 2, 9, 5, 1, 4, 1, 3]
prio [1, 1, 2, 3, 4, 5, 6, 9]
g0 waits
g1 waits
g2 waits
g3 waits
main steals x
g0 got y
g2 got z
left 0
g3 got w
p0 puts v0
p1 puts v1
p2 puts v2
main got full
p1 put v1
main got v1
p2 put v2
main got v2 full=False
`, tr.String())
}
