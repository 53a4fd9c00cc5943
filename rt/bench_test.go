package rt

import (
	"runtime"
	"sync"
	"testing"

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

// parkFrame awaits one future: func park(f *rt.Future[int]) int { v, _ := rt.Await(f); return v }.
type parkFrame struct {
	state int
	f     *Future[int]
	v     int
}

func (f *parkFrame) AwaitStart(c *Coro) Status { return c.Push(f) }
func (f *parkFrame) AwaitResult() (int, error) { return f.v, nil }
func (f *parkFrame) Resume(c *Coro) Status {
	if f.state == 0 {
		f.state = 1
		if s := f.f.AwaitStart(c); s != Ready {
			return s
		}
	}
	f.v, _ = f.f.AwaitResult()
	return Ready
}

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

func BenchmarkSwitch(b *testing.B) {
	b.Run("coroutine", func(b *testing.B) {
		var fa, fb Future[int]
		fa.SetResult(0)
		n := b.N / 2
		b.ReportAllocs()
		b.ResetTimer()
		_, err := Run(Gather(pingAsync(&fa, &fb, n), pingAsync(&fb, &fa, n)))
		require.NoError(b, err)
	})
	b.Run("goroutine", func(b *testing.B) {
		a, c := make(chan int), make(chan int)
		n := b.N / 2
		b.ReportAllocs()
		b.ResetTimer()
		go func() {
			for i := 0; i < n; i++ {
				c <- (<-a) + 1
			}
		}()
		for i := 0; i < n; i++ {
			a <- i
			<-c
		}
	})
}

// spawnLoop spawns and awaits n trivial tasks, one at a time:
//
//	for range n { t := rt.Spawn(incAsync(1)); rt.Await(t) }
type spawnLoop struct {
	state, n int
	spawn    Awaitable[*Task[int]]
	task     Awaitable[int]
}

func (f *spawnLoop) AwaitStart(c *Coro) Status      { return c.Push(f) }
func (f *spawnLoop) AwaitResult() (struct{}, error) { return struct{}{}, nil }
func (f *spawnLoop) Resume(c *Coro) Status {
	switch f.state {
	case 1:
		goto resume1
	}
loop:
	if f.n == 0 {
		return Ready
	}
	f.n--
	f.spawn = SpawnAsync[int](&incFrame{x: 1})
	f.spawn.AwaitStart(c) // always Ready
	{
		t, _ := f.spawn.AwaitResult()
		f.task = t
	}
	f.state = 1
	if s := f.task.AwaitStart(c); s != Ready {
		return s
	}
resume1:
	f.task.AwaitResult()
	goto loop
}

func BenchmarkSpawnAwait(b *testing.B) {
	b.Run("coroutine", func(b *testing.B) {
		b.ReportAllocs()
		_, err := Run[struct{}](&spawnLoop{n: b.N})
		require.NoError(b, err)
	})
	b.Run("goroutine", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			var wg sync.WaitGroup
			wg.Add(1)
			r := 0
			go func() { r = 1; wg.Done() }()
			wg.Wait()
			_ = r
		}
	})
}

// parkMain spawns n tasks parked on their own futures, measures the heap
// once they are all parked, then releases them.
type parkMain struct {
	state, n int
	futs     []Future[int]
	sleep    Awaitable[struct{}]
	measure  func()
	gather   Awaitable[[]int]
}

func (f *parkMain) AwaitStart(c *Coro) Status      { return c.Push(f) }
func (f *parkMain) AwaitResult() (struct{}, error) { return struct{}{}, nil }
func (f *parkMain) Resume(c *Coro) Status {
	switch f.state {
	case 1:
		goto resume1
	case 2:
		goto resume2
	}
	f.futs = make([]Future[int], f.n)
	for i := range f.futs {
		s := SpawnAsync[int](&parkFrame{f: &f.futs[i]})
		s.AwaitStart(c)
	}
	f.sleep = SleepAsync(0)
	f.state = 1
	if s := f.sleep.AwaitStart(c); s != Ready {
		return s
	}
resume1:
	f.measure() // every task has taken its first step and is parked
	for i := range f.futs {
		f.futs[i].SetResult(i)
	}
	f.sleep = SleepAsync(0)
	f.state = 2
	if s := f.sleep.AwaitStart(c); s != Ready {
		return s
	}
resume2:
	return Ready
}

const parked = 100_000

func heapNow() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc + m.StackInuse
}

func BenchmarkParkedMemory(b *testing.B) {
	b.Run("coroutine", func(b *testing.B) {
		var per float64
		for i := 0; i < b.N; i++ {
			before := heapNow()
			main := &parkMain{n: parked}
			main.measure = func() { per = float64(heapNow()-before) / parked }
			_, err := Run[struct{}](main)
			require.NoError(b, err)
		}
		b.ReportMetric(per, "B/parked")
	})
	b.Run("goroutine", func(b *testing.B) {
		var per float64
		for i := 0; i < b.N; i++ {
			before := heapNow()
			chans := make([]chan int, parked)
			var started, finished sync.WaitGroup
			started.Add(parked)
			finished.Add(parked)
			for j := range chans {
				chans[j] = make(chan int)
				go func(ch chan int) {
					started.Done()
					<-ch
					finished.Done()
				}(chans[j])
			}
			started.Wait()
			per = float64(heapNow()-before) / parked
			for _, ch := range chans {
				ch <- 1
			}
			finished.Wait()
		}
		b.ReportMetric(per, "B/parked")
	})
}
