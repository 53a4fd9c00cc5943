package rt

import (
	"errors"
	"fmt"
	"log"
	"runtime/debug"
	"strconv"
	"time"
)

// Coro is the untyped core of a task: the stack of frames it runs, its
// identity on its loop and its completion. Generated code receives the
// current task's Coro in Frame.Resume and Awaitable.AwaitStart.
type Coro struct {
	// stackBuf holds the first two frames of the task's stack, so that
	// most tasks (a root frame and one coroutine) need no stack
	// allocation; extra.deep holds the frames above them. stackBuf[0] is
	// the task's bottom frame (its plainTask or framedTask). The depth is
	// not stored: the frames fill stackBuf, then extra.deep, and a popped
	// slot is cleared (depth).
	stackBuf [2]Frame
	// bits holds the task's id (its high 56 bits, idShift) and its flags
	// (flagObserved and the others), one word (see TestTaskSize).
	bits    uint64
	loop    *loop
	waiters waitq // done once the task has finished
	// parked is what the task is parked on, when it can be taken off it
	// (cancellation does that); nil while it runs or is scheduled.
	parked waitCanceler
	// sleepSeq is the seq of the timer the task sleeps on, or 0; while
	// the task is parked in a waitq's more, its tagged index there.
	sleepSeq uint64
	// group is the TaskGroup the task belongs to, if any.
	group *TaskGroup
	// extra holds what most tasks never use (a name, pending
	// cancellations, frames beyond the second, an iterator's panic),
	// allocated on first need so that a plain task stays small (see
	// TestTaskSize).
	extra *coroExtra

	prev, next *Coro // the loop's list of live tasks
}

// The flags in Coro.bits, below the id.
const (
	// flagObserved is set once something awaited the task, asked for its
	// result, or took charge of its failure (a gather, a group).
	flagObserved = 1 << iota
	// flagRunning is set while the loop runs the task's frames;
	// flagCancelRunning when Cancel found it running, to stop it at the
	// await point it suspends at next.
	flagRunning
	flagCancelRunning
	// flagBodyStarted is set once the task's bottom frame (rootResume)
	// has started its awaitable.
	flagBodyStarted

	idShift = 8 // ids have 56 bits: a loop spawning 10 million tasks a second wraps after 228 years
)

func (c *Coro) has(flag uint64) bool { return c.bits&flag != 0 }
func (c *Coro) set(flag uint64)      { c.bits |= flag }
func (c *Coro) clear(flag uint64)    { c.bits &^= flag }

// coroExtra is the rarely used part of a Coro.
type coroExtra struct {
	name string // "" means the default "Task-<id>"
	// err is the error the task ended with (cancellation included): most
	// tasks end without one, so it lives here rather than in every task.
	err error
	// deep holds the frames of the task's stack above the two in
	// Coro.stackBuf.
	deep []Frame
	// pullPanic is the panic an iterator stopped by UnwindPull raises in
	// its yield (pull.go).
	pullPanic *unwinding
	// unwind is set while the task's frames unwind, from the frame at
	// index Coro.unwindTop down (Coro.unw).
	unwind *unwinding
	// unwindTop is the index of the top frame that unwinds.
	unwindTop int32
	// cancels counts the Cancel calls on the task (asyncio's
	// cancelling()); a TimeoutScope takes back its own.
	cancels int32
	// ctxDone: Cancel was called, so the task's context (Context) is
	// cancelled, or made cancelled.
	ctxDone bool
	// shared marks the extra parts that many tasks point to (canceledExtra,
	// canceledAt): more copies one before any write.
	shared bool
}

// canceledState is the extra part and the unwinding of a task cancelled
// for the first time, allocated together.
type canceledState struct {
	coroExtra
	u unwinding
}

// canceledExtra is the shared extra part of a plain task that ended with
// ErrCanceled without being cancelled itself (its body returned the error,
// say from awaiting a cancelled task): setting the error allocates nothing.
var canceledExtra = coroExtra{err: ErrCanceled, shared: true}

// canceledAt[i] is the shared extra part and unwinding of a plain task (one
// with no extra part, so at most two frames deep) cancelled by Cancel while
// not running, whose frames unwind from frame i down: cancelling many tasks
// (as Run does at its end) allocates nothing for them. A task that writes
// to its extra part (a second Cancel, a panic in a deferred call, a third
// frame) gets a copy (more); the unwinding itself is never written, as a
// cancellation's is not (only a panic's is). canceledFin is the extra part
// of such a task once its root has ended with ErrCanceled.
var (
	canceledAt  [2]canceledState
	canceledFin coroExtra
)

func init() {
	for i := range canceledAt {
		x := &canceledAt[i]
		x.u.canceled = true
		x.coroExtra = coroExtra{unwind: &x.u, unwindTop: int32(i), cancels: 1, ctxDone: true, shared: true}
	}
	canceledFin = canceledAt[0].coroExtra
	canceledFin.err = ErrCanceled
}

// more returns c's extra part, allocating it on first use (or copying a
// shared one).
func (c *Coro) more() *coroExtra {
	if c.extra == nil {
		c.extra = &coroExtra{}
	} else if c.extra.shared {
		e := *c.extra
		e.shared = false
		c.extra = &e
	}
	return c.extra
}

// unw returns what c's frames unwind with, or nil when they run normally.
func (c *Coro) unw() *unwinding {
	if e := c.extra; e != nil {
		return e.unwind
	}
	return nil
}

// setUnwind sets what c's frames unwind with; nil ends the unwinding.
func (c *Coro) setUnwind(u *unwinding) {
	if u == nil && c.extra == nil {
		return
	}
	c.more().unwind = u
}

// cancels returns the count of Cancel calls on c.
func (c *Coro) cancels() int32 {
	if c.extra == nil {
		return 0
	}
	return c.extra.cancels
}

// Name returns the task's name: the one given with the Name option, or
// "Task-N" where N is its ID, as in CPython 3.11 asyncio (so the main
// task is "Task-1").
func (c *Coro) Name() string {
	if c.extra == nil || c.extra.name == "" {
		return "Task-" + strconv.FormatUint(c.ID(), 10)
	}
	return c.extra.name
}

// ID returns the task's number on its loop; the main task is 1.
func (c *Coro) ID() uint64 { return c.bits >> idShift }

// Done reports whether the task has finished (returned, failed or panicked).
func (c *Coro) Done() bool { return c.waiters.isDone() }

// For generated code: Push pushes frame f onto the task's stack and returns
// Pushed: the task runs f next, and resumes the current frame once f is
// Ready. It is the AwaitStart of every generated coroutine.
func (c *Coro) Push(f Frame) Status {
	switch {
	case c.stackBuf[0] == nil:
		c.stackBuf[0] = f
	case c.stackBuf[1] == nil:
		c.stackBuf[1] = f
	default:
		e := c.more()
		e.deep = append(e.deep, f)
	}
	return Pushed
}

// depth returns the number of frames on c's stack.
func (c *Coro) depth() int {
	if c.stackBuf[1] == nil {
		if c.stackBuf[0] == nil {
			return 0
		}
		return 1
	}
	if e := c.extra; e != nil {
		return 2 + len(e.deep)
	}
	return 2
}

// frameAt returns frame i of c's stack (0 is the bottom frame).
func (c *Coro) frameAt(i int) Frame {
	if i < 2 {
		return c.stackBuf[i]
	}
	return c.extra.deep[i-2]
}

// topFrame returns the frame on top of c's stack.
func (c *Coro) topFrame() Frame {
	if c.stackBuf[1] == nil {
		return c.stackBuf[0]
	}
	if e := c.extra; e != nil && len(e.deep) > 0 {
		return e.deep[len(e.deep)-1]
	}
	return c.stackBuf[1]
}

// pop takes the top frame off c's stack and returns the new depth.
func (c *Coro) pop() int {
	if c.stackBuf[1] == nil {
		c.stackBuf[0] = nil
		return 0
	}
	if e := c.extra; e != nil && len(e.deep) > 0 {
		n := len(e.deep) - 1
		e.deep[n] = nil
		e.deep = e.deep[:n]
		return 2 + n
	}
	c.stackBuf[1] = nil
	return 1
}

// unwindTop returns the index of the top frame that unwinds.
func (c *Coro) unwindTop() int {
	if c.extra == nil {
		return 0
	}
	return int(c.extra.unwindTop)
}

// setUnwindTop sets the index of the top frame that unwinds. A task
// cancelled two frames deep that has unwound its upper frame goes from one
// shared extra part to the other.
func (c *Coro) setUnwindTop(top int) {
	if c.extra == &canceledAt[1].coroExtra && top == 0 {
		c.extra = &canceledAt[0].coroExtra
		return
	}
	c.more().unwindTop = int32(top)
}

// String describes the task for logs, e.g. `Task "worker" #3 pending`.
func (c *Coro) String() string {
	state := "pending"
	if c.Done() {
		state = "done"
		if err := c.errv(); err != nil {
			state = "failed: " + err.Error()
		}
	}
	return fmt.Sprintf("Task %q #%d %s", c.Name(), c.ID(), state)
}

// run is one step of the task: resume the top frame until the task parks
// or finishes. A panic in a frame starts unwinding (see Unwinding); the
// frames run their deferred calls, and a task whose panic nobody recovers
// ends with a *PanicError. The loop goes on either way.
func (c *Coro) run() {
	if c.waiters.isDone() {
		return // a stray wake-up after the task ended
	}
	c.set(flagRunning)
	if c.loop.slow > 0 {
		c.runTimed()
	} else {
		for c.step() {
		}
	}
	c.clear(flagRunning | flagCancelRunning)
}

// runTimed is run under Debug: it reports a step that kept the loop busy
// longer than the threshold, with where the task resumed and where it
// stopped, as lines of the user's code (userWhere).
func (c *Coro) runTimed() {
	from := "its start"
	if w := c.userWhere(); w != "" {
		from = w
	}
	began := time.Now()
	for c.step() {
	}
	if d := time.Since(began); d > c.loop.slow {
		to := "its end"
		if w := c.userWhere(); w != "" && !c.Done() {
			to = w
		}
		on := ""
		if c.loop.member != nil {
			on = " on " + c.loop.label()
		}
		log.Printf("rt: task %q%s ran %v without awaiting (from %s to %s): the loop could run nothing else meanwhile", c.Name(), on, d.Round(time.Millisecond), from, to)
	}
}

// step resumes frames until the task parks or finishes (false), or until a
// frame panics (true: resume again, now unwinding).
func (c *Coro) step() (again bool) {
	defer func() {
		if v := recover(); v != nil {
			c.raise(v, debug.Stack())
			again = true
		}
	}()
	for {
		top := c.topFrame()
		switch top.Resume(c) {
		case Ready:
			n := c.pop()
			if n == 0 {
				c.finish(c.errv())
				return false
			}
			c.unwound(n - 1) // the caller unwinds next
		case Pushed:
		case Suspended:
			if c.has(flagCancelRunning) {
				// Cancelled while running: stop at this await point. (An
				// await in a deferred call of a frame that unwinds later
				// in the same run waits as any await does.)
				c.clear(flagCancelRunning)
				c.interrupt()
			}
			return false
		}
	}
}

// For generated code: Unwinding reports whether the frame being resumed must
// stop running its body and finish: run its deferred calls and return. It is
// set for every frame from the one that panicked, or the innermost one when
// the task was cancelled, down to the task's root; frames that deferred
// calls push while unwinding run normally. Generated code checks it on every
// resume.
func (c *Coro) Unwinding() bool {
	e := c.extra
	return e != nil && e.unwind != nil && c.depth()-1 <= int(e.unwindTop)
}

// Cancelling reports whether the task is being cancelled: a deferred call
// of a cancelled coroutine sees true.
func (c *Coro) Cancelling() bool { return c.unw() != nil && c.unw().canceled }

// Cancel asks the task to stop: it stops at the await point where it is
// suspended (or at its next one), never resumes its body, runs its deferred
// calls (which may await), and ends with ErrCanceled; what it was awaiting
// is cancelled too when that is a task. A deferred call can tell with
// Cancelling, and recover cannot stop a cancellation. Cancel reports false
// when the task has already finished.
func (c *Coro) Cancel() bool {
	if c.Done() {
		return false
	}
	if c.extra == nil && !c.has(flagRunning) {
		// A plain parked task (at most two frames deep): its cancellation
		// state is shared (canceledAt), so cancelling many allocates
		// nothing.
		c.extra = &canceledAt[max(c.depth(), 1)-1].coroExtra
		c.interrupt()
		c.cancelContextEntry()
		return true
	}
	c.cancel()
	c.cancelContext()
	return true
}

// cancel is Cancel without cancelling the task's context (Context): a
// timeout scope's expiry, which the task survives, cancels so.
func (c *Coro) cancel() bool {
	if c.extra == nil {
		// A plain task's first cancellation: its extra part and its
		// unwinding in one allocation (Run's end cancels every task left).
		x := &canceledState{}
		x.cancels = 1
		x.u.canceled = true
		x.unwind = &x.u
		c.extra = &x.coroExtra
	} else {
		c.more().cancels++
		if c.unw() != nil {
			return true // already unwinding
		}
		c.setUnwind(&unwinding{canceled: true})
	}
	c.setUnwindTop(c.depth() - 1)
	if c.has(flagRunning) {
		c.set(flagCancelRunning) // stop at the next await point
		return true
	}
	c.interrupt()
	return true
}

// interrupt wakes a parked task so that it unwinds. A task that awaits
// another task (or a gather) passes the cancellation on instead and stays
// parked until what it awaits has finished unwinding, as in asyncio.
func (c *Coro) interrupt() {
	if p, ok := c.parked.(cancelPasser); ok && p.passCancel(c) {
		return
	}
	switch {
	case c.parked != nil:
		p := c.parked
		p.cancelWait(c)
		c.parked = nil
		c.loop.schedule(c)
	case c.sleepSeq != 0:
		c.sleepSeq = 0 // its timer is stale now
		c.loop.timerCancelled()
		c.loop.schedule(c)
	}
}

// unwindErr is the error a task that unwound to its root ends with.
func (c *Coro) unwindErr() error {
	if c.unw().canceled {
		return ErrCanceled
	}
	u := c.unw()
	values, notes := u.chain()
	n := len(values) - 1
	return &PanicError{Task: c.Name(), Value: u.value, Stack: u.stack, Aborted: values[:n:n], notes: notes}
}

func (c *Coro) finish(err error) {
	c.setErr(err)
	if e := c.extra; e != nil && e.deep != nil {
		e.deep = nil
	}
	c.loop.unlink(c)
	c.waiters.complete()
	if g := c.group; g != nil {
		g.childDone(c, err)
	}
	if err != nil && !c.has(flagObserved) && !errors.Is(err, ErrCanceled) {
		c.loop.noteUnobserved(c)
	}
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
//
// A Task is the head of the object that holds it: a plainTask (a task of
// any awaitable) or a framedTask (a task allocated together with the frame
// of the generated coroutine it runs, SpawnFrame). Either is the task's
// bottom frame, stackBuf[0]: it starts the root awaitable and keeps its
// result.
type Task[T any] struct {
	// result comes first: a zero-size result (struct{}) at the end would
	// cost a word of padding.
	result T
	Coro
}

// plainTask is a task of any awaitable.
type plainTask[T any] struct {
	Task[T]
	aw Awaitable[T]
}

func (p *plainTask[T]) Resume(c *Coro) Status {
	s := rootResume(c, &p.Task, p.aw)
	if s == Ready {
		p.aw = nil
	}
	return s
}

// framedTask is a task and the frame of the generated coroutine it runs,
// in one allocation (SpawnFrame). The frame is not cleared when the task
// ends: a closure of the coroutine can still hold its variables.
type framedTask[T any, F any, PF interface {
	*F
	Awaitable[T]
}] struct {
	Task[T]
	frame F
}

func (p *framedTask[T, F, PF]) Resume(c *Coro) Status {
	return rootResume[T](c, &p.Task, PF(&p.frame))
}

// rootResume is the Resume of a task's bottom frame, whose root awaitable
// is aw.
func rootResume[T any](c *Coro, t *Task[T], aw Awaitable[T]) Status {
	if c.unw() != nil {
		// A panic nobody recovered, or a cancellation, reached the root.
		c.setErr(c.unwindErr())
		return Ready
	}
	if !c.has(flagBodyStarted) {
		c.set(flagBodyStarted)
		if s := aw.AwaitStart(c); s != Ready {
			return s
		}
	}
	var err error
	t.result, err = aw.AwaitResult()
	c.setErr(err)
	return Ready
}

func newTask[T any](aw Awaitable[T], name string) *Task[T] {
	p := &plainTask[T]{aw: aw}
	if name != "" {
		p.more().name = name
	}
	p.stackBuf[0] = p
	return &p.Task
}

// For generated code: SpawnFrame is SpawnAsync for a generated coroutine
// whose frame is passed by value: the task and the frame are one allocation.
// The generator emits it for rt.Spawn(fAsync(args)) when fAsync is the
// companion of an async function of the package being generated, so F is its
// frame type.
func SpawnFrame[T any, F any, PF interface {
	*F
	Awaitable[T]
}](frame F, opts ...TaskOption) Awaitable[*Task[T]] {
	p := &framedTask[T, F, PF]{frame: frame}
	p.stackBuf[0] = p
	for _, o := range opts {
		o.apply(&p.Coro)
	}
	return spawnOp[T]{&p.Task}
}

// start registers t on l and schedules its first step (asyncio
// create_task: call_soon of the first step).
func (t *Task[T]) start(l *loop) {
	l.link(&t.Coro)
	if g := t.group; g != nil {
		g.join(&t.Coro)
	}
	l.schedule(&t.Coro)
}

// Result returns the task's result, or ErrNotDone if it has not finished.
func (t *Task[T]) Result() (T, error) {
	t.set(flagObserved)
	if !t.Done() {
		var zero T
		return zero, ErrNotDone
	}
	return t.result, t.errv()
}

// For generated code: AwaitStart is part of the Awaitable protocol: it parks
// c until t is done.
func (t *Task[T]) AwaitStart(c *Coro) Status {
	t.set(flagObserved)
	if t.loop != c.loop && t.loop != nil {
		wrongLoop("task "+strconv.Quote(t.Name()), t.loop, c.loop)
	}
	if t.Done() {
		return Ready
	}
	t.waiters.add(c.loop, c)
	c.parked = (*awaitedTask)(&t.Coro)
	return Suspended
}

// For generated code: AwaitResult is part of the Awaitable protocol; it
// returns Result.
func (t *Task[T]) AwaitResult() (T, error) { return t.Result() }

// awaitedTask is a task seen as what another task awaits: cancelling the
// awaiter cancels it too, and the awaiter wakes (and unwinds) once it has
// finished (asyncio: a task cancels the future it waits on).
type awaitedTask Coro

func (a *awaitedTask) cancelWait(c *Coro) { (*Coro)(a).waiters.cancelWait(c) }

func (a *awaitedTask) passCancel(*Coro) bool { (*Coro)(a).Cancel(); return true }

// cancelPasser is a wait that passes a cancellation on to what is awaited
// rather than abandoning it: passCancel reports true when it took charge
// (the task stays parked and is woken, to unwind, when that is done), false
// when the task is to be taken off the wait and woken now.
type cancelPasser interface {
	passCancel(c *Coro) bool
}

func (t *Task[T]) signal() *waitq { return &t.waiters }

func (t *Task[T]) markObserved() { t.set(flagObserved) }

// TaskOption configures a task made by Spawn: Name, InGroup. It is a
// value, so passing options allocates nothing.
type TaskOption struct {
	name  string
	group *TaskGroup
}

func (o TaskOption) apply(c *Coro) {
	if o.name != "" {
		c.more().name = o.name
	}
	if o.group != nil {
		c.group = o.group
	}
}

// Name names the task; the default is "Task-N", see Coro.Name.
func Name(name string) TaskOption { return TaskOption{name: name} }

// Spawn starts aw as a new task on the current loop and returns it at once;
// the task takes its first step on a later loop iteration, after the tasks
// spawned before it (asyncio.create_task).
//
// Spawn is async: inside an //async function the generator turns the call
// into an await of SpawnAsync. There is no loop to spawn on from ordinary
// code, so called there Spawn panics.
func Spawn[T any](aw Awaitable[T], opts ...TaskOption) *Task[T] {
	// A conditional panic, not a bare one: analyzers (nilness, through
	// go/ssa's no-return facts) would otherwise take the code after every
	// natural Spawn for dead code and report false nil values there.
	if CurrentLoop() == nil {
		panic("rt.Spawn must be called from an //async function (where asyncgen makes it rt.SpawnAsync); from ordinary code, start a loop with rt.Run")
	}
	return nil
}

// SpawnAsync is the companion of Spawn: awaiting it creates the task on
// the awaiting task's loop, schedules its first step and yields the task
// without suspending.
func SpawnAsync[T any](aw Awaitable[T], opts ...TaskOption) Awaitable[*Task[T]] {
	t := newTask(aw, "")
	for _, o := range opts {
		o.apply(&t.Coro)
	}
	return spawnOp[T]{t}
}

// spawnOp is the Awaitable that SpawnAsync returns. It is one pointer,
// so boxing it in the interface allocates nothing.
type spawnOp[T any] struct{ t *Task[T] }

func (s spawnOp[T]) AwaitStart(c *Coro) Status {
	if s.t.loop == nil {
		s.t.start(c.loop)
		inheritContext(&s.t.Coro, c)
	}
	return Ready
}

func (s spawnOp[T]) AwaitResult() (*Task[T], error) { return s.t, nil }

// signaler is implemented by awaitables that are already running (tasks,
// futures), which Gather waits on directly instead of wrapping in a task.
type signaler interface {
	signal() *waitq
}

// pullPanic returns the panic an iterator stopped by UnwindPull raises, or nil.
func (c *Coro) pullPanic() *unwinding {
	if c.extra == nil {
		return nil
	}
	return c.extra.pullPanic
}

// errv returns the error c ended with (or is ending with), or nil.
func (c *Coro) errv() error {
	if c.extra == nil {
		return nil
	}
	return c.extra.err
}

// setErr records the error c ends with; a nil error allocates nothing.
func (c *Coro) setErr(err error) {
	switch {
	case err == ErrCanceled && c.extra == nil:
		c.extra = &canceledExtra
	case err == ErrCanceled && c.extra == &canceledAt[0].coroExtra:
		c.extra = &canceledFin
	case err == ErrCanceled && c.extra.err == ErrCanceled:
		// already so (finish after rootResume)
	case err != nil:
		c.more().err = err
	case c.extra != nil && c.extra.err != nil:
		c.more().err = nil
	}
}
