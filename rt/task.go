package rt

import (
	"fmt"
	"runtime/debug"
	"strconv"
)

// Coro is the untyped core of a task: the stack of frames it runs, its
// identity on its loop and its completion. Generated code receives the
// current task's Coro in Frame.Resume and Awaitable.AwaitStart.
type Coro struct {
	stack   []Frame // stack[0] is the task's own bottom frame
	name    string  // "" means the default "Task-<anon>"
	anon    uint64  // number of an unnamed task, counted apart as in asyncio
	id      uint64
	loop    *loop
	err     error
	waiters waitq // waiters.done is the task's done flag
	// parked is what the task is parked on, when it can be taken off it
	// (cancellation does that); nil while it runs or is scheduled.
	parked waitCanceler

	prev, next *Coro // the loop's list of live tasks
}

// Name returns the task's name: the one given with the Name option, or
// "Task-N" where N is its ID, as in CPython 3.11 asyncio (so the main
// task is "Task-1").
func (c *Coro) Name() string {
	if c.name == "" {
		return "Task-" + strconv.FormatUint(c.id, 10)
	}
	return c.name
}

// ID returns the task's number on its loop; the main task is 1.
func (c *Coro) ID() uint64 { return c.id }

// Done reports whether the task has finished (returned, failed or panicked).
func (c *Coro) Done() bool { return c.waiters.done }

// Push pushes frame f onto the task's stack and returns Pushed: the task
// runs f next, and resumes the current frame once f is Ready. It is the
// AwaitStart of every generated coroutine.
func (c *Coro) Push(f Frame) Status {
	c.stack = append(c.stack, f)
	return Pushed
}

// String describes the task for logs, e.g. `Task "worker" #3 pending`.
func (c *Coro) String() string {
	state := "pending"
	if c.Done() {
		state = "done"
		if c.err != nil {
			state = "failed: " + c.err.Error()
		}
	}
	return fmt.Sprintf("Task %q #%d %s", c.Name(), c.id, state)
}

// run is one step of the task: resume the top frame until the task parks
// or finishes. A panic anywhere in the step ends the task with a
// *PanicError; the loop goes on.
func (c *Coro) run() {
	if c.waiters.done {
		return // a stray wake-up after a panic
	}
	defer func() {
		if v := recover(); v != nil {
			clear(c.stack) // frames have no deferred calls to run yet
			c.stack = c.stack[:0]
			c.finish(&PanicError{Task: c.Name(), Value: v, Stack: debug.Stack()})
		}
	}()
	for {
		top := c.stack[len(c.stack)-1]
		switch top.Resume(c) {
		case Ready:
			n := len(c.stack) - 1
			c.stack[n] = nil
			c.stack = c.stack[:n]
			if n == 0 {
				c.finish(c.err)
				return
			}
		case Pushed:
		case Suspended:
			return
		}
	}
}

func (c *Coro) finish(err error) {
	c.err = err
	c.stack = nil
	c.loop.unlink(c)
	c.waiters.complete()
}

// waitCanceler is a list a task can park on. A primitive that parks tasks
// on a list of its own (not a waitq) implements it, sets Coro.parked when it
// parks a task and clears it when it wakes one, so that a cancelled task can
// be taken off the list.
type waitCanceler interface {
	cancelWait(c *Coro)
}

// Task is a coroutine scheduled to run concurrently with others on the
// loop, like an asyncio Task. It is itself an Awaitable: awaiting it waits
// until it is done and yields its result. A task that panicked yields its
// *PanicError.
type Task[T any] struct {
	Coro
	body  taskFrame[T]
	spawn spawnOp[T] // the Awaitable that SpawnAsync returns, kept here to save an allocation
}

// taskFrame is the bottom frame of a task's stack: it awaits the root
// awaitable and keeps the result.
type taskFrame[T any] struct {
	aw      Awaitable[T]
	started bool
	result  T
}

func (f *taskFrame[T]) Resume(c *Coro) Status {
	if !f.started {
		f.started = true
		if s := f.aw.AwaitStart(c); s != Ready {
			return s
		}
	}
	f.result, c.err = f.aw.AwaitResult()
	f.aw = nil
	return Ready
}

func newTask[T any](aw Awaitable[T], name string) *Task[T] {
	t := &Task[T]{}
	t.name = name
	t.body.aw = aw
	t.spawn.t = t
	return t
}

// start registers t on l and schedules its first step (asyncio
// create_task: call_soon of the first step).
func (t *Task[T]) start(l *loop) {
	l.link(&t.Coro)
	t.stack = append(t.stack, &t.body)
	l.schedule(&t.Coro)
}

// Result returns the task's result, or ErrNotDone if it has not finished.
func (t *Task[T]) Result() (T, error) {
	if !t.Done() {
		var zero T
		return zero, ErrNotDone
	}
	return t.body.result, t.err
}

// AwaitStart is part of the Awaitable protocol: it parks c until t is done.
func (t *Task[T]) AwaitStart(c *Coro) Status {
	if t.Done() {
		return Ready
	}
	t.waiters.add(c.loop, c)
	return Suspended
}

// AwaitResult is part of the Awaitable protocol; it returns Result.
func (t *Task[T]) AwaitResult() (T, error) { return t.Result() }

func (t *Task[T]) signal() *waitq { return &t.waiters }

// TaskOption configures a task made by Spawn.
type TaskOption func(*Coro)

// Name names the task; the default is "Task-N", see Coro.Name.
func Name(name string) TaskOption {
	return func(c *Coro) { c.name = name }
}

// Spawn starts aw as a new task on the current loop and returns it at once;
// the task takes its first step on a later loop iteration, after the tasks
// spawned before it (asyncio.create_task).
//
// Spawn is async: inside an //async function the generator turns the call
// into an await of SpawnAsync. There is no loop to spawn on from ordinary
// code, so called there Spawn panics.
func Spawn[T any](aw Awaitable[T], opts ...TaskOption) *Task[T] {
	panic("rt.Spawn must be called from an //async function (where asyncgen makes it rt.SpawnAsync); from ordinary code, start a loop with rt.Run")
}

// SpawnAsync is the companion of Spawn: awaiting it creates the task on
// the awaiting task's loop, schedules its first step and yields the task
// without suspending.
func SpawnAsync[T any](aw Awaitable[T], opts ...TaskOption) Awaitable[*Task[T]] {
	t := newTask(aw, "")
	for _, o := range opts {
		o(&t.Coro)
	}
	return &t.spawn
}

type spawnOp[T any] struct{ t *Task[T] }

func (s *spawnOp[T]) AwaitStart(c *Coro) Status {
	if s.t.loop == nil {
		s.t.start(c.loop)
	}
	return Ready
}

func (s *spawnOp[T]) AwaitResult() (*Task[T], error) { return s.t, nil }

// signaler is implemented by awaitables that are already running (tasks,
// futures), which Gather waits on directly instead of wrapping in a task.
type signaler interface {
	signal() *waitq
}
