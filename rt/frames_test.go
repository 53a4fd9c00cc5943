package rt

// Hand-lowered async functions, written the way asyncgen generates them:
// a frame struct, a companion returning it cold, and a Resume that
// switches on the state and jumps to the label after each await.

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// trace records events in order.
type trace struct{ lines []string }

func (t *trace) log(format string, args ...any) {
	t.lines = append(t.lines, fmt.Sprintf(format, args...))
}

func (t *trace) String() string { return strings.Join(t.lines, "\n") + "\n" }

// seconds formats a loop time as seconds since the virtual epoch, like the
// Python scripts' f"{t:g}".
func seconds(t time.Time) string { return fmt.Sprintf("%g", t.Sub(virtualEpoch).Seconds()) }

// worker:
//
//	//async
//	func worker(tr *trace, name string, n int) (string, error) {
//		for i := 0; i < n; i++ {
//			tr.log("%s step %d", name, i)
//			rt.Sleep(0)
//		}
//		tr.log("%s done", name)
//		return name, nil
//	}
type workerFrame struct {
	state int
	tr    *trace
	name  string
	n     int
	i     int
	aw0   Awaitable[struct{}]
	r0    string
	err   error
}

func workerAsync(tr *trace, name string, n int) Awaitable[string] {
	return &workerFrame{tr: tr, name: name, n: n}
}

func (f *workerFrame) AwaitStart(c *Coro) Status    { return c.Push(f) }
func (f *workerFrame) AwaitResult() (string, error) { return f.r0, f.err }

func (f *workerFrame) Resume(c *Coro) Status {
	if c.Unwinding() {
		return Ready
	}
	switch f.state {
	case 1:
		goto resume1
	}
	f.i = 0
loop:
	if !(f.i < f.n) {
		goto end
	}
	f.tr.log("%s step %d", f.name, f.i)
	f.aw0 = SleepAsync(0)
	f.state = 1
	if s := f.aw0.AwaitStart(c); s != Ready {
		return s
	}
resume1:
	f.aw0.AwaitResult()
	f.i++
	goto loop
end:
	f.tr.log("%s done", f.name)
	f.r0, f.err = f.name, nil
	return Ready
}

// sleeper:
//
//	//async
//	func sleeper(tr *trace, name string, d time.Duration) (string, error) {
//		tr.log("%s sleep %g", name, d.Seconds())
//		rt.Sleep(d)
//		tr.log("%s woke at %s", name, seconds(rt.Now()))
//		return name, nil
//	}
type sleeperFrame struct {
	state int
	tr    *trace
	name  string
	d     time.Duration
	aw0   Awaitable[struct{}]
	aw1   Awaitable[time.Time]
	r0    string
	err   error
}

func sleeperAsync(tr *trace, name string, d time.Duration) Awaitable[string] {
	return &sleeperFrame{tr: tr, name: name, d: d}
}

func (f *sleeperFrame) AwaitStart(c *Coro) Status    { return c.Push(f) }
func (f *sleeperFrame) AwaitResult() (string, error) { return f.r0, f.err }

func (f *sleeperFrame) Resume(c *Coro) Status {
	if c.Unwinding() {
		return Ready
	}
	switch f.state {
	case 1:
		goto resume1
	case 2:
		goto resume2
	}
	f.tr.log("%s sleep %g", f.name, f.d.Seconds())
	f.aw0 = SleepAsync(f.d)
	f.state = 1
	if s := f.aw0.AwaitStart(c); s != Ready {
		return s
	}
resume1:
	f.aw0.AwaitResult()
	f.aw1 = NowAsync()
	f.state = 2
	if s := f.aw1.AwaitStart(c); s != Ready {
		return s
	}
resume2:
	{
		now, _ := f.aw1.AwaitResult()
		f.tr.log("%s woke at %s", f.name, seconds(now))
	}
	f.r0, f.err = f.name, nil
	return Ready
}

// failer:
//
//	//async
//	func failer(tr *trace, name string, d time.Duration) (int, error) {
//		rt.Sleep(d)
//		tr.log("%s fails", name)
//		return 0, errors.New(name)
//	}
type failerFrame struct {
	state int
	tr    *trace
	name  string
	d     time.Duration
	aw0   Awaitable[struct{}]
	r0    string
	err   error
}

func failerAsync(tr *trace, name string, d time.Duration) Awaitable[string] {
	return &failerFrame{tr: tr, name: name, d: d}
}

func (f *failerFrame) AwaitStart(c *Coro) Status    { return c.Push(f) }
func (f *failerFrame) AwaitResult() (string, error) { return f.r0, f.err }

func (f *failerFrame) Resume(c *Coro) Status {
	if c.Unwinding() {
		return Ready
	}
	switch f.state {
	case 1:
		goto resume1
	}
	f.aw0 = SleepAsync(f.d)
	f.state = 1
	if s := f.aw0.AwaitStart(c); s != Ready {
		return s
	}
resume1:
	f.aw0.AwaitResult()
	f.tr.log("%s fails", f.name)
	f.r0, f.err = "", errors.New(f.name)
	return Ready
}

// chain:
//
//	//async
//	func chain(n int) (int, error) {
//		if n == 0 {
//			rt.Sleep(0)
//			return 0, nil
//		}
//		v, err := chain(n - 1)
//		return v + 1, err
//	}
type chainFrame struct {
	state int
	n     int
	aw0   Awaitable[struct{}]
	aw1   Awaitable[int]
	r0    int
	err   error
}

func chainAsync(n int) Awaitable[int]           { return &chainFrame{n: n} }
func (f *chainFrame) AwaitStart(c *Coro) Status { return c.Push(f) }
func (f *chainFrame) AwaitResult() (int, error) { return f.r0, f.err }

func (f *chainFrame) Resume(c *Coro) Status {
	if c.Unwinding() {
		return Ready
	}
	switch f.state {
	case 1:
		goto resume1
	case 2:
		goto resume2
	}
	if f.n == 0 {
		f.aw0 = SleepAsync(0)
		f.state = 1
		if s := f.aw0.AwaitStart(c); s != Ready {
			return s
		}
		goto resume1
	}
	f.aw1 = chainAsync(f.n - 1)
	f.state = 2
	if s := f.aw1.AwaitStart(c); s != Ready {
		return s
	}
	goto resume2
resume1:
	f.aw0.AwaitResult()
	f.r0, f.err = 0, nil
	return Ready
resume2:
	{
		v, err := f.aw1.AwaitResult()
		f.r0, f.err = v+1, err
	}
	return Ready
}

// panicker:
//
//	//async
//	func panicker(v any) (int, error) {
//		rt.Sleep(0)
//		panic(v)
//	}
type panickerFrame struct {
	state int
	v     any
	aw0   Awaitable[struct{}]
}

func panickerAsync(v any) Awaitable[int]           { return &panickerFrame{v: v} }
func (f *panickerFrame) AwaitStart(c *Coro) Status { return c.Push(f) }
func (f *panickerFrame) AwaitResult() (int, error) { return 0, nil }

func (f *panickerFrame) Resume(c *Coro) Status {
	if c.Unwinding() {
		return Ready
	}
	switch f.state {
	case 1:
		goto resume1
	}
	f.aw0 = SleepAsync(0)
	f.state = 1
	if s := f.aw0.AwaitStart(c); s != Ready {
		return s
	}
resume1:
	f.aw0.AwaitResult()
	panic(f.v)
}

// script is a hand-lowered async function whose body is a list of
// statements, each followed by at most one await: step i runs, and if it
// returns an awaitable, the frame awaits it and hands the outcome to step
// i+1. It keeps the scenario tests short while driving the runtime
// exactly as generated code does.
type script struct {
	state int
	steps []func(v any, err error) erased
	aw    erased
	v     any
	err   error
}

// erased is an Awaitable with its result type erased.
type erased interface {
	AwaitStart(c *Coro) Status
	result() (any, error)
}

type eraser[T any] struct{ Awaitable[T] }

func (e eraser[T]) result() (any, error) { return e.AwaitResult() }

// await marks aw as the awaitable that ends a script step.
func await[T any](aw Awaitable[T]) erased { return eraser[T]{aw} }

func scriptAsync(steps ...func(v any, err error) erased) Awaitable[any] {
	return &script{steps: steps}
}

func (f *script) AwaitStart(c *Coro) Status { return c.Push(f) }
func (f *script) AwaitResult() (any, error) { return f.v, f.err }

func (f *script) Resume(c *Coro) Status {
	if c.Unwinding() {
		return Ready
	}
	if f.aw != nil {
		f.v, f.err = f.aw.result()
		f.aw = nil
	}
	for f.state < len(f.steps) {
		step := f.steps[f.state]
		f.state++
		f.aw = step(f.v, f.err)
		if f.aw == nil {
			continue
		}
		if s := f.aw.AwaitStart(c); s != Ready {
			return s
		}
		f.v, f.err = f.aw.result()
		f.aw = nil
	}
	return Ready
}
