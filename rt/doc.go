// Package rt is the runtime of asyncgen: a single-goroutine event loop that
// runs coroutines, modelled on Python's asyncio.
//
// # The API by topic
//
//   - Running: Run, RunOn, NewLoop and Loop (RunForever, Stop, CallSoon,
//     CallLater, CallAt and their TimerHandle, CallSoonThreadSafe),
//     CurrentLoop; LoopOption: VirtualTime, Debug, ExceptionHandler,
//     CancelOnSignal, WithContext.
//   - Awaiting and tasks: Await, Awaitable, Func, Spawn, SpawnOn, Task and
//     Coro (Name, Done, Cancel, Cancelling, Where, ...), Name, CurrentTask,
//     AllTasks, TaskGroup, TaskOption (Name, InGroup), Shield.
//   - Several at once: Gather, GatherAll, Gather2 ... Gather5 (Tuple2 ...
//     Tuple8), Result, WaitAny, AsCompleted (Completed).
//   - Time: Sleep, Now, WaitFor, Timeout, TimeoutAt, NewTimeout and
//     NewTimeoutAt (a TimeoutScope), Within, ErrTimeout.
//   - Futures and synchronization: NewFuture, Queue (NewQueue,
//     NewLifoQueue, NewPriorityQueue; ErrQueueEmpty, ErrQueueFull,
//     ErrQueueShutDown), Lock, Event, Condition, Semaphore and
//     BoundedSemaphore, Barrier (ErrBrokenBarrier), Mailbox
//     (ErrMailboxClosed).
//   - Go's world: Context, ToThread, ToThreadContext, WaitContext,
//     WaitSignal, FD (I/O readiness for rt/anet and other drivers; ErrBusy,
//     ErrClosed).
//   - Loop groups: RunGroup, GroupOption (Loops, LockOSThread, CancelOn,
//     WithLoopOptions), Group, Submit, Remote, Post, LoopIndex.
//   - Failures and observability: PanicError, DeadlockError, ErrCanceled,
//     ErrDeadlock, ErrNotDone, RegisterCleanEnd, IsCleanEnd, Dump,
//     LoopStats.
//   - Async generators: Gen, Gen2 (consumed by range loops).
//
// Each natural function that needs a loop has a companion XAsync (Sleep
// and SleepAsync, ...), the awaitable asyncgen makes the call into.
//
// # For generated code
//
// The rest is the protocol between the code asyncgen generates and the
// runtime (protocol.go describes it); user code does not call it, and the
// doc comment of each such name starts with "For generated code:". It is
// Frame, Status (Ready, Suspended, Pushed) and the AwaitStart and
// AwaitResult methods of every awaitable (the Awaitable interface, which
// a hand-written awaitable such as rt/anet's implements); Coro.Push,
// Coro.Recover, Coro.Unwinding and Coro.UnwindPull; Defers, Panic and
// AnyAwaitable (deferred calls); SpawnFrame; Pull and Pull2 (range over
// func); NewGen, NewGen2, PullGen, PullGen2, Generator (async
// generators); Locator (await lines for Dump); CheckSource and SourceFunc
// (the stale-source guard). These names stay in rt rather than in a
// package of their own so that generated code calls them without a hop
// and the frames, the task and the awaitables share one set of types.
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
// needs no lock as long as it is only touched between awaits. The rule
// holds per loop: in a loop group (below), state shared by tasks of
// different loops is shared between goroutines and needs what Go code
// shared between goroutines needs (a Mailbox, atomics, a mutex held between
// awaits only), or better, belongs to one loop and is reached by submitting
// work to it.
//
// # Errors and panics
//
// Awaiting yields the awaited coroutine's error. A panic in a task ends
// that task with a *PanicError holding the panic value and stack; the loop
// and the other tasks go on, and whoever awaits the task gets that error.
// PanicError's message names the line that panicked, in the user's async
// source: `rt: panic in task worker at fetch.go:42: boom`.
// A task that fails and that nothing awaits is reported (logged, or
// passed to ExceptionHandler) when the run ends, unless its error is a
// clean end registered with RegisterCleanEnd: rt/ahttp registers
// http.ErrServerClosed, so a spawned server that main's deferred Close
// stops ends quietly.
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
// another is in flight chains to it as in Go (PanicError.Aborted), and
// PanicError's message prints the chain as Go does, "[recovered]" notes
// included. Cancel
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
// # Loop groups
//
// One loop uses one core. RunGroup runs a Group of loops, one per core by
// default (Loops(n) to choose), each on its own goroutine (LockOSThread to
// pin it to a thread), and runs the main coroutine on loop 0; when main
// returns, every loop is cancelled and drained and RunGroup returns main's
// result. CancelOn(os.Interrupt) cancels main on a signal.
//
// A task starts on a loop and never migrates: every task it spawns,
// gathers or awaits runs on the same loop, so the atomicity rule above
// holds for everything one loop owns. Work moves between loops only
// explicitly:
//
//   - Submit(lp, aw) starts aw as a task on loop lp and returns a Remote,
//     which a task of any loop awaits (its result, error or panic) and a
//     goroutine waits for with Wait; cancelling the awaiter cancels the
//     remote task on its own loop, and Remote.Cancel cancels it from
//     anywhere. Post(lp, aw) is fire and forget.
//   - Placement: Group.Loop(i), Next (round robin), LeastLoaded (fewest
//     live tasks), ForKey and ForHash (the same key always reaches the same
//     loop, so per-key state needs no lock). CurrentGroup and LoopIndex say
//     where a task runs.
//   - Mailbox carries values from any loop or goroutine to the tasks of one
//     loop (a pipeline between loops).
//
// Servers: anet's ListenConfig.ListenGroup gives every loop its own
// listener on one address (ReusePort: SO_REUSEPORT, the kernel spreads
// connections) or one acceptor that hands connections round robin
// (OneAcceptor); ahttp's Server.ServeGroup serves HTTP on every loop
// (ListenAndServeGroup does both in one call) and Server.Shutdown drains
// them (examples/groupserver; examples/echo -listen is a TCP server on
// every loop). Debug mode panics when a
// coroutine of one loop is resumed from another; Dump shows every loop's
// tasks.
//
// A loop with no task waiting on an FD sleeps on a channel, so a Submit
// to it wakes its goroutine through the Go scheduler, with no system
// call; a loop whose tasks wait on FDs sleeps in epoll_wait and is woken
// by an eventfd write. A post to a loop that is awake wakes nothing (it
// drains its inbox on its next iteration). A cross-loop Submit and await
// costs 1.7-5.3 µs one at a time and 1.3-2.0 µs each with 64 in flight,
// 3 allocations (a channel round trip between goroutines, in the same
// runs: 0.55-0.79 µs and 0.15-0.19 µs; load 14-16 on 2 cores; at load
// 24-28, 4-14 µs and 2.2-3.4 µs against 0.85-2.1 and 0.12-0.40), far more
// than a switch within a loop (15 ns): keep hot paths on one loop and
// cross loops per request, not per step (BenchmarkCrossLoop).
//
// Past two cores (a design note; this project measured on 2): each loop
// has its own ready queue, timer heap and poller (its own epoll instance
// and eventfd), so nothing a loop does alone is shared and nothing
// global is locked per step: no shared run queue, no shared timer wheel,
// no shared poller. What is shared grows with traffic between loops:
//
//   - Inbox contention. A loop's inbox is one mutex-guarded slice; N
//     loops submitting to one hot loop contend on its lock and that loop
//     drains N producers, so at 16 or 64 cores spread work with Next,
//     ForKey or ForHash rather than funnelling it to loop 0. The lock is
//     held for an append; a drained list is reused, so a busy inbox does
//     not allocate; and a post costs a wake-up (a channel send or an
//     eventfd write) only when the target sleeps, at most one per sleep.
//   - Placement counters. Next is one atomic counter that every loop
//     increments (a cache line bouncing at 64 cores: prefer ForKey or a
//     loop's own index where the choice does not matter); LeastLoaded
//     reads N atomics, O(N) per call.
//   - Timers. Each loop's timers are its own heap, read once per
//     iteration; a sleeping loop without FDs waits on a Go timer, which
//     the Go runtime keeps per P. Timers scale with loops.
//   - Accepting. With SO_REUSEPORT the kernel hashes each connection to a
//     loop's socket: 100 connections split 40-60 to 60-40 over 2 loops
//     here (the loopN-share metrics), even for many connections, uneven
//     for a few long-lived ones; OneAcceptor deals them out exactly,
//     round robin, for a hand-off per accept on loop 0.
//   - The garbage collector is the process's. While a cycle marks, Go
//     gives a quarter of GOMAXPROCS to mark workers: on 2 cores as a
//     quarter of each P's time, at 16 cores as 4 dedicated Ps and at 64
//     as 16. A loop whose P is taken by a dedicated worker is runnable
//     with no P to run on (every other P holds a loop), so its tasks see
//     the mark phase as a stall, where a goroutine server's work would
//     move to the other Ps; a group of fewer loops than GOMAXPROCS
//     (Loops(n)) leaves the workers room. Write barriers and mark assists
//     slow every loop that allocates, so an allocation-heavy group (the
//     100k spawn benchmark, 260 B per task) scales with cores less than
//     compute or I/O does; GOGC and GOMEMLIMIT apply to the whole group.
//
// With LockOSThread and GOMAXPROCS equal to the loop count, the
// runtime's other goroutines (ToThread's pool, Go's own timers) share the
// loops' threads. bench/group_test.go's BenchmarkGroupEcho,
// BenchmarkGroupSpawn100k and BenchmarkGroupCPU report each loop's share
// (the loopN-share metrics) and the cores the process had (the cores
// metric, CPU time over wall time), so a bigger machine can be judged by
// running them: BenchmarkGroupCPU, work that touches no memory, shows the
// speed-up the machine gives at the moment, against which the others are
// read.
//
// # Threads and other goroutines
//
// ToThread runs blocking work on a bounded pool of goroutines and awaits
// its result; Loop.CallSoonThreadSafe hands a call to the loop from any
// goroutine, Submit and Post a coroutine, Mailbox.Send a value. These are
// the only ways goroutines meet the loop.
//
// Context returns the running task's context.Context, for Go APIs that
// take one; it is cancelled when the task is cancelled (by the Cancel
// itself, not once the task has unwound; a timeout scope's expiry, which
// the task survives, leaves it live) and once the task has ended. It is
// kept in a table of the loop beside the task and dropped when the task
// ends. A spawned task's context carries its spawner's values (not its
// cancellation), as asyncio's create_task copies the contextvars.
// ToThreadContext gives a blocking call a context derived from it,
// cancelled with the awaiting task; WaitContext awaits a
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
// the source lines where it is suspended and who awaits it; a run that
// deadlocks returns a *DeadlockError with that dump; Debug logs a step
// that ran too long without awaiting, at the user's lines where it began
// and ended; ExceptionHandler receives the failures of tasks nobody
// awaited.
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
