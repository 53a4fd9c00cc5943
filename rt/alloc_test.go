package rt

import (
	"runtime"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pinger is one side of a ping-pong, hand-lowered from:
//
//	//async
//	func pinger(me, peer *rt.Future[int], n int) {
//		for i := 0; ; i++ {
//			v, _ := rt.Await(me)
//			*me = rt.Future[int]{} // reuse: the benchmark measures switches, not NewFuture
//			rt.Await(incAsync(v))  // an already-allocated child frame
//			peer.SetResult(v)
//			if i == n { return }
//		}
//	}
type pingFrame struct {
	state    int
	me, peer *Future[int]
	n, i, v  int
	child    incFrame
	awMe     Awaitable[int]
	awChild  Awaitable[int]
}

func pingAsync(me, peer *Future[int], n int) Awaitable[struct{}] {
	return &pingFrame{me: me, peer: peer, n: n}
}

func (f *pingFrame) AwaitStart(c *Coro) Status      { return c.Push(f) }
func (f *pingFrame) AwaitResult() (struct{}, error) { return struct{}{}, nil }

func (f *pingFrame) Resume(c *Coro) Status {
	if c.Unwinding() {
		return Ready
	}
	switch f.state {
	case 1:
		goto resume1
	case 2:
		goto resume2
	}
	f.i = 0
loop:
	f.awMe = f.me
	f.state = 1
	if s := f.awMe.AwaitStart(c); s != Ready {
		return s
	}
resume1:
	f.v, _ = f.awMe.AwaitResult()
	*f.me = Future[int]{}
	f.child = incFrame{x: f.v}
	f.awChild = &f.child
	f.state = 2
	if s := f.awChild.AwaitStart(c); s != Ready {
		return s
	}
resume2:
	f.v, _ = f.awChild.AwaitResult()
	f.peer.SetResult(f.v)
	if f.i == f.n {
		return Ready
	}
	f.i++
	goto loop
}

// incFrame is a trivial async function: func inc(x int) int { return x + 1 }.
type incFrame struct{ x int }

func (f *incFrame) AwaitStart(c *Coro) Status { return c.Push(f) }
func (f *incFrame) AwaitResult() (int, error) { return f.x + 1, nil }
func (f *incFrame) Resume(*Coro) Status       { return Ready }

func TestZeroAllocsPerAwait(t *testing.T) {
	l := newLoop()
	var fa, fb Future[int]
	fa.SetResult(0)
	for _, p := range []*pingFrame{{me: &fa, peer: &fb, n: 1 << 30}, {me: &fb, peer: &fa, n: 1 << 30}} {
		newTask[struct{}](p, "").start(l)
	}
	for i := 0; i < 100; i++ { // warm up: grow the ring and the stacks
		l.runOnce()
	}
	// Each iteration: one task wakes from a future, awaits a child frame,
	// sets the peer's future and parks on its own again.
	allocs := testing.AllocsPerRun(1000, func() { require.True(t, l.runOnce()) })
	assert.Zero(t, allocs)

	done := &Future[int]{}
	done.SetResult(1)
	c := &Coro{loop: l}
	allocs = testing.AllocsPerRun(1000, func() {
		if done.AwaitStart(c) != Ready {
			t.Fatal("a done future must not suspend")
		}
		done.AwaitResult()
	})
	assert.Zero(t, allocs)
}

// TestTaskSize guards the sizes that the parked-task memory in the README
// depends on (64-bit systems). A task spawned from a generated coroutine
// is one object, a framedTask: the Task (its Coro and result) and the
// coroutine's frame; bench's parked coroutine has a 40-byte frame, and
// with it the object fills the 176-byte size class exactly, and bench's
// sleeper (a 32-byte frame, no result) the 160-byte class. The rarely used
// fields of a task (its name, its error, its pending cancellations, its
// unwinding, frames beyond the second) live behind Coro.extra, allocated
// only when used; the id and the flags share a word, the depth is not
// stored, and a waitq keeps no loop and no done flag of its own. One more
// word in Coro moves the parked task to the 192-byte class. A task of any
// other awaitable (plainTask) adds the awaitable (16 bytes) and stays in
// the 160-byte class. A waitq is in every task and future, and a sleeping
// task has a timer entry.
func TestTaskSize(t *testing.T) {
	if unsafe.Sizeof(uintptr(0)) != 8 {
		t.Skip("the size classes are those of 64-bit systems")
	}
	assert.LessOrEqual(t, unsafe.Sizeof(Coro{}), uintptr(128), "Coro grew")
	assert.LessOrEqual(t, unsafe.Sizeof(Task[int]{}), uintptr(136), "Task[int] grew")
	assert.LessOrEqual(t, unsafe.Sizeof(Task[struct{}]{}), uintptr(128), "Task[struct{}] grew (a zero-size result last costs a word)")
	assert.LessOrEqual(t, unsafe.Sizeof(plainTask[int]{}), uintptr(160), "plainTask[int] grew into the next size class")
	assert.LessOrEqual(t, unsafe.Sizeof(framedTask[int, frame40, *frame40]{}), uintptr(176), "a task with a 40-byte frame grew into the next size class")
	assert.LessOrEqual(t, unsafe.Sizeof(framedTask[struct{}, frame32, *frame32]{}), uintptr(160), "a sleeper's task (a 32-byte frame) grew into the next size class")
	assert.LessOrEqual(t, unsafe.Sizeof(coroExtra{}), uintptr(96), "coroExtra grew into the next size class")
	assert.LessOrEqual(t, unsafe.Sizeof(unwinding{}), uintptr(80), "unwinding grew")
	assert.LessOrEqual(t, unsafe.Sizeof(canceledState{}), uintptr(176), "a first cancellation's allocation grew into the next size class")
	assert.LessOrEqual(t, unsafe.Sizeof(waitq{}), uintptr(24), "waitq grew")
	assert.LessOrEqual(t, unsafe.Sizeof(waitMore{}), uintptr(48), "waitMore grew into the next size class")
	assert.LessOrEqual(t, unsafe.Sizeof(Future[int]{}), uintptr(48), "Future[int] grew into the next size class")
	assert.LessOrEqual(t, unsafe.Sizeof(timer{}), uintptr(24), "a timer entry grew (a million sleeping tasks hold a million)")
}

// frame32 has the size of bench's sleeper's frame (ag_sleeper): its
// state, the duration and the awaitable.
type frame32 struct {
	state int
	d     int64
	aw    Awaitable[struct{}]
}

func (f *frame32) AwaitStart(*Coro) Status        { return Ready }
func (f *frame32) AwaitResult() (struct{}, error) { return struct{}{}, nil }

// frame40 has the size of bench's parked coroutine's frame (ag_parked):
// its state, the future, the awaitable and the result.
type frame40 struct {
	state  int
	f      *Future[int]
	aw     Awaitable[int]
	result int
}

func (f *frame40) AwaitStart(*Coro) Status   { return Ready }
func (f *frame40) AwaitResult() (int, error) { return f.result, nil }

// parkOnce is a coroutine that awaits a future once, hand-lowered:
//
//	//async
//	func parkOnce(f *rt.Future[int]) int { v, _ := rt.Await(f); return v }
type parkOnce struct {
	f       *Future[int]
	started bool
}

func (p *parkOnce) AwaitStart(c *Coro) Status { return c.Push(p) }
func (p *parkOnce) AwaitResult() (int, error) { return p.f.Result() }

func (p *parkOnce) Resume(c *Coro) Status {
	if c.Unwinding() {
		return Ready
	}
	if !p.started {
		p.started = true
		if p.f.AwaitStart(c) != Ready {
			return Suspended
		}
	}
	return Ready
}

// TestCancelParkedAllocs: cancelling parked plain tasks, one and two frames
// deep, as Run does at its end, allocates nothing per task (the
// cancellation state is shared, canceledAt), and each still ends with
// ErrCanceled, reporting Cancelling.
func TestCancelParkedAllocs(t *testing.T) {
	l := newLoop()
	f := &Future[int]{}
	const n = 1000
	tasks := make([]*Task[int], n)
	for i := range tasks {
		if i%2 == 0 {
			tasks[i] = newTask[int](f, "")
		} else {
			tasks[i] = newTask[int](&parkOnce{f: f}, "")
		}
		tasks[i].start(l)
	}
	for l.ready.len() > 0 {
		l.runOnce()
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for _, task := range tasks {
		task.Cancel()
	}
	for l.ready.len() > 0 {
		l.runOnce()
	}
	runtime.ReadMemStats(&after)
	assert.Less(t, after.Mallocs-before.Mallocs, uint64(n/10), "cancelling %d parked tasks", n)
	for i, task := range tasks {
		require.True(t, task.Done(), "task %d", i)
		_, err := task.Result()
		require.ErrorIs(t, err, ErrCanceled, "task %d", i)
		require.True(t, task.Cancelling(), "task %d", i)
		require.False(t, task.Cancel(), "task %d", i)
	}
	assert.True(t, f.waiters.empty(), "the future still lists cancelled waiters")
}
