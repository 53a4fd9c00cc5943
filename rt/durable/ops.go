package durable

import (
	"fmt"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

// Checkpoint snapshots the durable frame stack of the running durable
// function and hands it to the run's Store; the function goes on only
// after the save finished. A run resumed from this snapshot continues
// after this call (which then returns nil). The error is the store's, or
// the encoding's (a frame awaiting something not durable).
//
// Checkpoint is async: inside an //async function the generator awaits
// CheckpointAsync. name must be a constant string, unique among the
// function's checkpoints: it identifies the resume point across builds.
// Outside a durable run (the natural function, a coroutine run by rt.Run
// without Start, or a task of its own that a run's code spawned, which
// the generator rejects where it sees it) it does nothing and returns nil.
func Checkpoint(name string) error { return nil }

// CheckpointAsync is the companion of Checkpoint.
func CheckpointAsync(name string) rt.Awaitable[struct{}] { return &checkpointOp{name: name} }

type checkpointOp struct {
	name string
	save rt.Awaitable[struct{}]
	err  error
}

func (o *checkpointOp) AwaitStart(c *rt.Coro) rt.Status {
	r := runOf(c)
	if r == nil {
		return rt.Ready
	}
	snap, err := r.snapshot(o, "checkpoint:"+o.name, 0)
	if err != nil {
		o.err = fmt.Errorf("durable: checkpoint %q: %w", o.name, err)
		return rt.Ready
	}
	o.save = r.store.Save(snap)
	return o.save.AwaitStart(c)
}

func (o *checkpointOp) AwaitResult() (struct{}, error) {
	if o.save != nil {
		if _, err := o.save.AwaitResult(); err != nil {
			return struct{}{}, fmt.Errorf("durable: checkpoint %q: %w", o.name, err)
		}
	}
	return struct{}{}, o.err
}

// Step runs the coroutine fn(key) once per run: its result (value and
// error) is checkpointed as soon as it finishes, and a run resumed after
// that checkpoint gets the recorded result without running fn again. Use
// it for side effects (charging a card, sending a mail) and for anything
// a durable function awaits that is not durable itself.
//
// Exactly-once holds for what the checkpoint records, not for the world:
// a crash while fn runs, or before its result is saved, runs fn again on
// resume. key is stable across such re-runs ("RUNID/INDEX/NAME", INDEX
// counting the run's steps from 0): pass it to the external system as an
// idempotency key so that it can recognise the repeat.
//
// name must be a constant string, unique among the function's steps. A
// recorded error comes back as a *RestoredError with the same message.
// Outside a durable run fn runs with key "local/NAME" and nothing is
// recorded; the natural Step runs fn(key) with rt.Run.
func Step[T any](name string, fn func(key string) rt.Awaitable[T]) (T, error) {
	return rt.Run(fn("local/" + name))
}

// StepAsync is the companion of Step.
func StepAsync[T any](name string, fn func(key string) rt.Awaitable[T]) rt.Awaitable[T] {
	return &stepOp[T]{name: name, fn: fn}
}

type stepOp[T any] struct {
	state int
	name  string
	fn    func(string) rt.Awaitable[T]
	inner rt.Awaitable[T]
	save  rt.Awaitable[struct{}]
	r     *run
	done  bool
	v     T
	err   error
}

func (o *stepOp[T]) AwaitStart(c *rt.Coro) rt.Status { return c.Push(o) }
func (o *stepOp[T]) AwaitResult() (T, error)         { return o.v, o.err }

func (o *stepOp[T]) Resume(c *rt.Coro) rt.Status {
	if c.Unwinding() {
		return rt.Ready
	}
	switch o.state {
	case 0:
		key := "local/" + o.name
		if o.r = runOf(c); o.r != nil {
			key = fmt.Sprintf("%s/%d/%s", o.r.id, o.r.steps, o.name)
			o.r.steps++
		}
		o.inner, o.fn = o.fn(key), nil
		o.state = 1
		if s := o.inner.AwaitStart(c); s != rt.Ready {
			return s
		}
		fallthrough
	case 1:
		o.v, o.err = o.inner.AwaitResult()
		o.inner, o.done = nil, true
		if o.r == nil {
			return rt.Ready
		}
		snap, err := o.r.snapshot(o, "step:"+o.name, 0)
		if err != nil {
			o.err = fmt.Errorf("durable: step %q ran but its result cannot be checkpointed: %w", o.name, err)
			return rt.Ready
		}
		o.save = o.r.store.Save(snap)
		o.state = 2
		if s := o.save.AwaitStart(c); s != rt.Ready {
			return s
		}
	}
	if _, err := o.save.AwaitResult(); err != nil {
		o.err = fmt.Errorf("durable: step %q ran but saving its result failed: %w", o.name, err)
	}
	return rt.Ready
}

// Sleep is a durable sleep: it checkpoints with the wake time (in the
// snapshot's WakeAt), then sleeps. A run resumed from that snapshot, in
// any process, sleeps only what is left (nothing when WakeAt is past).
// With the stores of this package the worker just sleeps. A store may
// instead end the run after saving the sleep's snapshot, by returning an
// error from Save, which Sleep returns wrapped: rt/ajobs's durable jobs
// return ajobs.ErrDurableSleep for a long sleep and reschedule the job for
// WakeAt, so that no worker holds it. Return Sleep's error. Time is the
// wall clock (time.Now), not the loop's.
//
// name must be a constant string, unique among the function's sleeps.
// Outside a durable run it is rt.Sleep(d); the natural Sleep is
// time.Sleep.
func Sleep(name string, d time.Duration) error {
	time.Sleep(d)
	return nil
}

// SleepAsync is the companion of Sleep.
func SleepAsync(name string, d time.Duration) rt.Awaitable[struct{}] {
	return &sleepOp{name: name, d: d}
}

type sleepOp struct {
	state int
	name  string
	d     time.Duration
	wake  int64
	save  rt.Awaitable[struct{}]
	err   error
}

func (o *sleepOp) AwaitStart(c *rt.Coro) rt.Status { return c.Push(o) }
func (o *sleepOp) AwaitResult() (struct{}, error)  { return struct{}{}, o.err }

func (o *sleepOp) Resume(c *rt.Coro) rt.Status {
	if c.Unwinding() {
		return rt.Ready
	}
	switch o.state {
	case 0:
		o.wake = time.Now().Add(o.d).UnixNano()
		if r := runOf(c); r != nil {
			snap, err := r.snapshot(o, "sleep:"+o.name, o.wake)
			if err != nil {
				o.err = fmt.Errorf("durable: sleep %q: %w", o.name, err)
				return rt.Ready
			}
			o.save = r.store.Save(snap)
			o.state = 1
			if s := o.save.AwaitStart(c); s != rt.Ready {
				return s
			}
		}
		fallthrough
	case 1:
		if o.save != nil {
			if _, err := o.save.AwaitResult(); err != nil {
				o.err = fmt.Errorf("durable: sleep %q: %w", o.name, err)
				return rt.Ready
			}
		}
		o.state = 2
		if s := rt.SleepAsync(time.Until(time.Unix(0, o.wake))).AwaitStart(c); s != rt.Ready {
			return s
		}
	}
	return rt.Ready
}
