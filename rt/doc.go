// Package rt is the runtime of asyncgen: a single-goroutine event loop that
// runs coroutines, modelled on Python's asyncio.
//
// # Model
//
// An //async function F is compiled by asyncgen into a frame (a struct
// implementing Frame) and a companion FAsync that returns it, cold, as an
// Awaitable. A Task owns a stack of frames and always resumes the top one;
// awaiting a coroutine pushes its frame, so a call chain of any depth costs
// one frame per call and resuming it costs the same as resuming one frame.
// A task that waits (on a Future, another Task, a Gather, a Sleep) is
// parked: it is only a heap object referenced by what it waits on. There is
// no goroutine per task, ever; the loop is the goroutine that called Run.
//
// The companion's T follows F's results: struct{} for () and (error), V
// for V and (V, error), and for any other list a Tuple2 ... Tuple8 of the
// values before a trailing error, which is the awaitable's error.
//
// Func(func() (T, error) { ... }) is an async closure: inside an //async
// function asyncgen lowers the literal into a frame of its own that shares
// the variables it captures, so it may await, and Func returns it as an
// Awaitable to await, spawn or gather.
//
// The loop follows CPython's BaseEventLoop: a FIFO ready queue, a timer
// heap, and iterations that each run the entries that were ready when the
// iteration began. The same hops as asyncio happen at the same places, so a
// program ported from asyncio prints its lines in the same order: a spawned
// task first runs on a later iteration, in spawn order; completing a future
// or task wakes its waiters on the next iteration, in the order they began
// waiting; a timer's callback wakes its task on the iteration after it
// fires; timers fire in deadline order, ties in the order they were set;
// Sleep(0) yields exactly one iteration; Gather adds one hop per child
// completion and one for its own.
//
// # Atomicity
//
// Code between two await points runs atomically: nothing else on the loop
// runs until the task awaits something that is not ready. Shared state
// needs no lock as long as it is only touched between awaits.
//
// # Errors and panics
//
// Awaiting yields the awaited coroutine's error. A panic in a task ends
// that task with a *PanicError holding the panic value and stack; the loop
// and the other tasks go on, and whoever awaits the task gets that error.
// PanicError's message names the line that panicked, in the user's async
// source: `rt: panic in task worker at fetch.go:42: boom`.
//
// # Shutting down on a signal
//
// CancelOnSignal(os.Interrupt, syscall.SIGTERM), an option of Run, cancels
// the main task on the first of those signals, as asyncio.run does on
// Ctrl-C: the main task's deferred calls run (and may await), the other
// tasks are cancelled as at every end of Run, and Run returns ErrCanceled.
// A second signal ends the program as Go's default handling does.
//
// # Deferred calls, panics and cancellation
//
// Deferred calls of an async function run when it returns, when it
// panics and when its task is cancelled, last first; a deferred call of
// an async function is awaited. A panic unwinds the frames of its task one
// by one, running their deferred calls, and recover() stops it where Go's
// rule allows: called directly by a plain deferred function (a literal, a
// named function, a method value), which runs inside a real Go call with
// the panic raised again (see Defers and Panic), or in the body of a
// deferred async function (Coro.Recover); a panic raised while
// another is in flight chains to it as in Go (PanicError.Aborted). Cancel
// stops a task at its await point: its body never resumes, its deferred
// calls run (Cancelling tells them why), and it ends with ErrCanceled;
// recover cannot stop a cancellation. WaitFor bounds a wait in time by
// running it as a task; Timeout and Within (a TimeoutScope) put a deadline
// over a block of awaits inline in the task, as asyncio.timeout does: the
// deadline cancels the block and leaving the scope turns that
// cancellation, and only that one, into ErrTimeout. Shield protects an awaitable from its awaiter's cancellation, and a
// TaskGroup cancels its tasks when one fails and waits for all of them.
//
// # Async generators
//
// An //async function whose last parameter is yield func(T) bool is an
// async generator: a push iterator that awaits. Its companion returns a
// Gen[T], and an async function consumes it with a plain range loop whose
// body may await; the generator's frames run inline on the consumer's
// task, as CPython runs an async generator in the task that iterates it.
// Leaving the loop early (break, return, goto, a panic, cancellation)
// closes the generator before the loop statement completes: its deferred
// calls run and may await (asyncio's aclose). See Gen.
//
// A deferred call of an async function is asyncio's `async with` (and
// `try: ... finally: await ...`): the cleanup is awaited however the
// function ends, by return, panic or cancellation, e.g. `defer release(r)`
// with release marked //async, or `defer rt.Await(x)` for an awaitable x
// made when the defer statement runs.
//
// # Synchronization
//
// Queue (FIFO, LIFO or priority; bounded or not), Lock, Event, Condition,
// Semaphore, BoundedSemaphore and Barrier work like asyncio's: loop-local,
// waking their waiters in FIFO order. Their waiting methods are async
// (Get/GetAsync, Acquire/AcquireAsync, ...). Between two await points no
// other task runs, so state shared by tasks needs a Lock only when it must
// stay consistent across an await. Cancelling a task parked on any of
// them, on a Future or on WaitSignal takes it off the wait in O(1), so
// cancelling n parked tasks (Run does at the end of main) costs O(n)
// whatever the order; BenchmarkCancelParked measures it.
//
// # Threads and other goroutines
//
// ToThread runs blocking work on a bounded pool of goroutines and awaits
// its result; Loop.CallSoonThreadSafe hands a call to the loop from any
// goroutine. These are the only ways goroutines meet the loop.
//
// Context returns the running task's context.Context, for Go APIs that
// take one; it is done once the task has ended (a cancelled task's, once
// it has unwound). It is kept in a table of the loop beside the task and
// dropped when the task ends. ToThreadContext gives a blocking call a
// context cancelled with the awaiting task; WaitContext awaits a
// context's end; the Run option WithContext cancels the main task when a
// context is done.
//
// # I/O
//
// The loop waits for file descriptors on its own poller (epoll on Linux,
// see poll_epoll.go; poll_other.go elsewhere): a task blocked in a read
// or write is parked on an FD, not on a goroutine. The network package
// rt/anet builds streams on it.
//
// # Observability
//
// Every task has a name and an id. Dump writes each live task, its state,
// the source lines where it is suspended and who awaits it; Debug logs a
// step that ran too long without awaiting; ExceptionHandler receives the
// failures of tasks nobody awaited.
//
// # Tests
//
// A test function is ordinary code, so rt.Func(func() ... { ... }) written
// inline in it is not lowered: Run(Func(...), VirtualTime()) there runs
// the literal as plain Go on the loop, its Sleep calls are real sleeps
// that ignore the virtual clock, and Now reads the wall clock. Put the
// async body in a named //async function (it may take the *testing.T)
// and run its companion:
//
//	// async
//	func retriesBody(t *testing.T) error {
//		start := rt.Now()
//		rt.Sleep(time.Hour)
//		assert.Equal(t, time.Hour, rt.Now().Sub(start))
//		return nil
//	}
//
//	func TestRetries(t *testing.T) {
//		_, err := rt.Run(retriesBodyAsync(t), rt.VirtualTime())
//		require.NoError(t, err)
//	}
//
// Inside such a body, rt.Func literals are lowered as anywhere in async
// code. Under VirtualTime, while a task waits on a socket or pipe, the
// loop waits up to 100ms of real time for I/O before each clock jump (so
// a local peer is seen before the clock moves past it); a test without
// pending I/O jumps at once.
//
// # Natural calls
//
// Every async function keeps its natural signature. The functions of this
// package that need a loop come in pairs: the natural form (Sleep, Now,
// Spawn, Await, CurrentTask, AllTasks) and its companion (SleepAsync, ...).
// Inside an //async function asyncgen turns a natural call into an await of
// the companion. Called from ordinary code, where there is no loop, each
// natural form does what its documentation says: Sleep blocks in
// time.Sleep, Now is time.Now, Await runs its argument on a private loop,
// CurrentTask and AllTasks return nil, Spawn panics, and Await of a Func
// calls its function. The waiting
// methods of the synchronization primitives succeed from ordinary code
// when they would not wait, and panic otherwise.
package rt
