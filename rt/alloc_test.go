package rt

import (
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

// TestTaskSize keeps a task within the allocator's 208-byte size class on
// 64-bit systems, and a waitq (in every task and future) at 40 bytes: the
// parked-task memory in the README depends on them. The rarely used
// fields of a task (its name, its error, its pending cancellations) live behind Coro.extra, allocated only when used; one
// more word in Coro moves every task to the 224-byte class.
func TestTaskSize(t *testing.T) {
	if unsafe.Sizeof(uintptr(0)) != 8 {
		t.Skip("the size classes are those of 64-bit systems")
	}
	assert.LessOrEqual(t, unsafe.Sizeof(Task[int]{}), uintptr(208), "Task[int] grew into the next size class")
	assert.LessOrEqual(t, unsafe.Sizeof(waitq{}), uintptr(40), "waitq grew")
	assert.LessOrEqual(t, unsafe.Sizeof(Future[int]{}), uintptr(64), "Future[int] grew into the next size class")
}
