package rt

// Hand-lowered coroutines for the synchronization tests, in the style of
// frames_test.go.

import (
	"fmt"
	"time"
)

// cscript is a script that stops at its await point when its task is
// cancelled, as generated code does (it has no deferred calls to run).
type cscript struct{ script }

func cscriptAsync(steps ...func(v any, err error) erased) Awaitable[any] {
	return &cscript{script{steps: steps}}
}

func (f *cscript) AwaitStart(c *Coro) Status { return c.Push(f) }

func (f *cscript) Resume(c *Coro) Status {
	if c.Unwinding() {
		return Ready
	}
	return f.script.Resume(c)
}

// spawnAll spawns each coroutine as a task, in order, and passes the tasks
// to then.
func spawnAll(aws []Awaitable[any], then func([]*Task[any]) erased) []func(any, error) erased {
	var tasks []*Task[any]
	var steps []func(any, error) erased
	for _, aw := range aws {
		steps = append(steps,
			func(any, error) erased { return await(SpawnAsync(aw)) },
			func(v any, _ error) erased { tasks = append(tasks, v.(*Task[any])); return nil })
	}
	return append(steps, func(any, error) erased { return then(tasks) })
}

// locker:
//
//	//async
//	func locker(tr *trace, name string, mu *rt.Lock) {
//		tr.log("%s wants", name)
//		mu.Acquire()
//		tr.log("%s holds at %s", name, seconds(rt.Now()))
//		rt.Sleep(time.Second)
//		tr.log("%s releases", name)
//		mu.Release()
//	}
func lockerAsync(tr *trace, name string, mu *Lock) Awaitable[any] {
	return cscriptAsync(
		func(any, error) erased { tr.log("%s wants", name); return await(mu.AcquireAsync()) },
		func(any, error) erased { return await(NowAsync()) },
		func(v any, _ error) erased {
			tr.log("%s holds at %s", name, seconds(v.(time.Time)))
			return await(SleepAsync(time.Second))
		},
		func(any, error) erased { tr.log("%s releases", name); mu.Release(); return nil },
	)
}

// eventWaiter:
//
//	//async
//	func eventWaiter(tr *trace, name string, ev *rt.Event) {
//		tr.log("%s waits", name)
//		ev.Wait()
//		tr.log("%s woke, set=%v", name, ev.IsSet())
//	}
func eventWaiterAsync(tr *trace, name string, ev *Event) Awaitable[any] {
	return cscriptAsync(
		func(any, error) erased { tr.log("%s waits", name); return await(ev.WaitAsync()) },
		func(any, error) erased { tr.log("%s woke, set=%s", name, pyBool(ev.IsSet())); return nil },
	)
}

// semWorker:
//
//	//async
//	func semWorker(tr *trace, name string, s *rt.Semaphore, d time.Duration) {
//		tr.log("%s wants", name)
//		s.Acquire()
//		tr.log("%s in at %s", name, seconds(rt.Now()))
//		rt.Sleep(d)
//		tr.log("%s out", name)
//		s.Release()
//	}
func semWorkerAsync(tr *trace, name string, s *Semaphore, d time.Duration) Awaitable[any] {
	return cscriptAsync(
		func(any, error) erased { tr.log("%s wants", name); return await(s.AcquireAsync()) },
		func(any, error) erased { return await(NowAsync()) },
		func(v any, _ error) erased {
			tr.log("%s in at %s", name, seconds(v.(time.Time)))
			return await(SleepAsync(d))
		},
		func(any, error) erased { tr.log("%s out", name); s.Release(); return nil },
	)
}

// pyBool formats b as Python prints a bool.
func pyBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

// logNow logs format with the loop time appended as the last argument.
func logNow(tr *trace, format string, args ...any) []func(any, error) erased {
	return []func(any, error) erased{
		func(any, error) erased { return await(NowAsync()) },
		func(v any, _ error) erased {
			tr.log(format, append(args, seconds(v.(time.Time)))...)
			return nil
		},
	}
}

func cat(parts ...[]func(any, error) erased) []func(any, error) erased {
	var all []func(any, error) erased
	for _, p := range parts {
		all = append(all, p...)
	}
	return all
}

func step(f func(v any, err error) erased) []func(any, error) erased {
	return []func(any, error) erased{f}
}

// condWaiter:
//
//	//async
//	func condWaiter(tr *trace, name string, cv *rt.Condition) {
//		cv.L.Acquire()
//		defer cv.L.Release()
//		tr.log("%s waits", name)
//		cv.Wait()
//		tr.log("%s notified at %s", name, seconds(rt.Now()))
//		rt.Sleep(time.Second)
//		tr.log("%s leaves", name)
//	}
func condWaiterAsync(tr *trace, name string, cv *Condition) Awaitable[any] {
	return cscriptAsync(cat(
		step(func(any, error) erased { return await(cv.L.AcquireAsync()) }),
		step(func(any, error) erased { tr.log("%s waits", name); return await(cv.WaitAsync()) }),
		logNow(tr, "%s notified at %s", name),
		step(func(any, error) erased { return await(SleepAsync(time.Second)) }),
		step(func(any, error) erased { tr.log("%s leaves", name); cv.L.Release(); return nil }),
	)...)
}

// predWaiter:
//
//	//async
//	func predWaiter(tr *trace, name string, cv *rt.Condition, box *int) {
//		cv.L.Acquire()
//		defer cv.L.Release()
//		cv.WaitFor(func() bool { return *box >= 2 })
//		tr.log("%s sees %d", name, *box)
//	}
func predWaiterAsync(tr *trace, name string, cv *Condition, box *int) Awaitable[any] {
	return cscriptAsync(
		func(any, error) erased { return await(cv.L.AcquireAsync()) },
		func(any, error) erased { return await(cv.WaitForAsync(func() bool { return *box >= 2 })) },
		func(any, error) erased { tr.log("%s sees %d", name, *box); cv.L.Release(); return nil },
	)
}

// party:
//
//	//async
//	func party(tr *trace, name string, b *rt.Barrier, rounds int) {
//		for r := 0; r < rounds; r++ {
//			tr.log("%s arrives r%d", name, r)
//			i, err := b.Wait()
//			if err != nil {
//				tr.log("%s broken r%d", name, r)
//				return
//			}
//			tr.log("%s passes r%d as %d", name, r, i)
//		}
//	}
func partyAsync(tr *trace, name string, b *Barrier, rounds int) Awaitable[any] {
	var steps []func(any, error) erased
	broken := false
	for r := 0; r < rounds; r++ {
		steps = append(steps,
			func(any, error) erased {
				if broken {
					return nil
				}
				tr.log("%s arrives r%d", name, r)
				return await(b.WaitAsync())
			},
			func(v any, err error) erased {
				switch {
				case broken:
				case err != nil:
					tr.log("%s broken r%d", name, r)
					broken = true
				default:
					tr.log("%s passes r%d as %d", name, r, v)
				}
				return nil
			})
	}
	return cscriptAsync(steps...)
}

// producer:
//
//	//async
//	func producer(tr *trace, name string, q *rt.Queue[string], n int) {
//		for i := 0; i < n; i++ {
//			v := fmt.Sprintf("%s%d", name, i)
//			q.Put(v)
//			tr.log("%s put %s size=%d", name, v, q.Len())
//		}
//		tr.log("%s done", name)
//	}
func producerAsync(tr *trace, name string, q *Queue[string], n int) Awaitable[any] {
	var steps []func(any, error) erased
	for i := 0; i < n; i++ {
		v := fmt.Sprintf("%s%d", name, i)
		steps = append(steps,
			func(any, error) erased { return await(q.PutAsync(v)) },
			func(any, error) erased { tr.log("%s put %s size=%d", name, v, q.Len()); return nil })
	}
	steps = append(steps, func(any, error) erased { tr.log("%s done", name); return nil })
	return cscriptAsync(steps...)
}

// consumerFrame:
//
//	//async
//	func consumer(tr *trace, name string, q *rt.Queue[string]) {
//		for {
//			v, _ := q.Get()
//			tr.log("%s got %s at %s", name, v, seconds(rt.Now()))
//			rt.Sleep(time.Second)
//			q.TaskDone()
//		}
//	}
type consumerFrame struct {
	state int
	tr    *trace
	name  string
	q     *Queue[string]
	v     string
	aw0   Awaitable[string]
	aw1   Awaitable[time.Time]
	aw2   Awaitable[struct{}]
}

func consumerAsync(tr *trace, name string, q *Queue[string]) Awaitable[any] {
	return anyOf[struct{}](&consumerFrame{tr: tr, name: name, q: q})
}

func (f *consumerFrame) AwaitStart(c *Coro) Status      { return c.Push(f) }
func (f *consumerFrame) AwaitResult() (struct{}, error) { return struct{}{}, nil }

func (f *consumerFrame) Resume(c *Coro) Status {
	if c.Unwinding() {
		return Ready
	}
	switch f.state {
	case 1:
		goto resume1
	case 2:
		goto resume2
	case 3:
		goto resume3
	}
loop:
	f.aw0 = f.q.GetAsync()
	f.state = 1
	if s := f.aw0.AwaitStart(c); s != Ready {
		return s
	}
resume1:
	f.v, _ = f.aw0.AwaitResult()
	f.aw1 = NowAsync()
	f.state = 2
	if s := f.aw1.AwaitStart(c); s != Ready {
		return s
	}
resume2:
	{
		now, _ := f.aw1.AwaitResult()
		f.tr.log("%s got %s at %s", f.name, f.v, seconds(now))
	}
	f.aw2 = SleepAsync(time.Second)
	f.state = 3
	if s := f.aw2.AwaitStart(c); s != Ready {
		return s
	}
resume3:
	f.q.TaskDone()
	goto loop
}

// getter:
//
//	//async
//	func getter(tr *trace, name string, q *rt.Queue[string]) {
//		tr.log("%s waits", name)
//		v, _ := q.Get()
//		tr.log("%s got %s", name, v)
//	}
func getterAsync(tr *trace, name string, q *Queue[string]) Awaitable[any] {
	return cscriptAsync(
		func(any, error) erased { tr.log("%s waits", name); return await(q.GetAsync()) },
		func(v any, _ error) erased { tr.log("%s got %s", name, v); return nil },
	)
}

// putter:
//
//	//async
//	func putter(tr *trace, name string, q *rt.Queue[string], v string) {
//		tr.log("%s puts %s", name, v)
//		q.Put(v)
//		tr.log("%s put %s", name, v)
//	}
func putterAsync(tr *trace, name string, q *Queue[string], v string) Awaitable[any] {
	return cscriptAsync(
		func(any, error) erased { tr.log("%s puts %s", name, v); return await(q.PutAsync(v)) },
		func(any, error) erased { tr.log("%s put %s", name, v); return nil },
	)
}
