package rt

// This file is the contract between the code that asyncgen generates and the
// runtime. Users never call these methods themselves: they write rt.Await(x)
// or call an async function, and the generator emits the protocol below.
//
// An async function F becomes a frame: a struct holding F's parameters, the
// locals that are live across an await point, F's results and a state
// number. Its Resume method runs F from the current state until F finishes
// (Ready), parks the task (Suspended), or pushes a child frame onto the task's
// frame stack (Pushed). The task always resumes the innermost frame directly,
// so resuming a coroutine suspended many calls deep costs the same as
// resuming one suspended one call deep.
//
// An await point in generated code reads:
//
//	f.aw = gAsync(x)                 // cold: nothing has run yet
//	f.state = 3
//	if s := f.aw.AwaitStart(c); s != rt.Ready {
//		return s                     // Suspended or Pushed: the task takes over
//	}
//	resume3:
//	v, err := f.aw.AwaitResult()

// For generated code: Status is what one step of a frame, or the start of an
// await, reports to the task that runs it.
type Status uint8

const (
	// Ready: the frame has finished, or the awaited value is available now;
	// its AwaitResult may be read.
	Ready Status = iota
	// Suspended: the task is parked; whatever it waits on will wake it, and
	// the same frame is resumed.
	Suspended
	// Pushed: the task's stack changed: a child frame was pushed onto it,
	// and the task runs it and resumes the current frame when the child is
	// Ready; or an async generator's frame detached itself at a yield, and
	// the task resumes the loop that consumes it (see Generator).
	Pushed
)

// For generated code: Frame is one activation of an async function, as the
// generator lays it out.
type Frame interface {
	// Resume runs the frame from its saved state on behalf of task c.
	Resume(c *Coro) Status
}

// Awaitable is a value an async function can await: a coroutine (the value of
// a companion FAsync call), a Task, a Future, a Gather, a sleep. Awaiting it
// yields a T or an error. Awaitables made by companions are cold: nothing runs
// until they are awaited, spawned, gathered or run.
type Awaitable[T any] interface {
	// AwaitStart begins awaiting on behalf of task c. It returns Ready when
	// the result is available at once, Suspended after arranging for c to be
	// woken, or Pushed after pushing a frame onto c (see Coro.Push).
	AwaitStart(c *Coro) Status
	// AwaitResult returns the outcome once AwaitStart returned Ready or the
	// task was resumed after Suspended or Pushed.
	AwaitResult() (T, error)
}
