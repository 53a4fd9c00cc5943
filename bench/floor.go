package bench

// This file is the floor: the same benchmarks as bench_test.go's, written
// as hand-made state machines on the smallest loop that can run them (a
// FIFO ring of runnables, one interface call per step, a binary heap of
// timers), with no rt at all. It has none of rt's features (cancellation,
// panics, names, groups, deferred calls, results with errors, clocks), so
// it is the cost that any coroutine of this design cannot go below on this
// machine: rt's figures are read as a ratio to it, measured in the same
// run.

// floorRunner is one step of a hand-written coroutine.
type floorRunner interface{ run(l *floorLoop) }

// floorLoop is a ready queue (a power-of-two ring) plus a timer heap on an
// integer clock that jumps to the next deadline when nothing is ready.
type floorLoop struct {
	buf    []floorRunner
	head   int
	n      int
	now    int64
	timers []floorTimer
}

type floorTimer struct {
	when int64
	r    floorRunner
}

func (l *floorLoop) push(r floorRunner) {
	if l.n == len(l.buf) {
		size := 2 * len(l.buf)
		if size == 0 {
			size = 16
		}
		buf := make([]floorRunner, size)
		for i := 0; i < l.n; i++ {
			buf[i] = l.buf[(l.head+i)&(len(l.buf)-1)]
		}
		l.buf, l.head = buf, 0
	}
	l.buf[(l.head+l.n)&(len(l.buf)-1)] = r
	l.n++
}

func (l *floorLoop) pop() floorRunner {
	r := l.buf[l.head]
	l.buf[l.head] = nil
	l.head = (l.head + 1) & (len(l.buf) - 1)
	l.n--
	return r
}

// after wakes r once the clock has advanced by d.
func (l *floorLoop) after(d int64, r floorRunner) {
	l.timers = append(l.timers, floorTimer{l.now + d, r})
	s := l.timers
	for i := len(s) - 1; i > 0; {
		p := (i - 1) / 2
		if s[p].when <= s[i].when {
			break
		}
		s[i], s[p] = s[p], s[i]
		i = p
	}
}

func (l *floorLoop) popTimer() floorTimer {
	s := l.timers
	top := s[0]
	last := len(s) - 1
	s[0] = s[last]
	s[last] = floorTimer{}
	s = s[:last]
	l.timers = s
	for i := 0; ; {
		c := 2*i + 1
		if c >= len(s) {
			break
		}
		if c+1 < len(s) && s[c+1].when < s[c].when {
			c++
		}
		if s[i].when <= s[c].when {
			break
		}
		s[i], s[c] = s[c], s[i]
		i = c
	}
	return top
}

// drain runs until nothing is ready and no timer is set.
func (l *floorLoop) drain() {
	for {
		for l.n > 0 {
			l.pop().run(l)
		}
		if len(l.timers) == 0 {
			return
		}
		l.now = l.timers[0].when
		for len(l.timers) > 0 && l.timers[0].when <= l.now {
			l.push(l.popTimer().r)
		}
	}
}

// floorYielder is `for i := 0; i < n; i++ { rt.Sleep(0) }` by hand.
type floorYielder struct{ i, n int }

func (f *floorYielder) run(l *floorLoop) {
	if f.i < f.n {
		f.i++
		l.push(f)
	}
}

// floorYieldPair runs two yielders side by side: 2*n switches.
func floorYieldPair(n int) {
	var l floorLoop
	l.push(&floorYielder{n: n})
	l.push(&floorYielder{n: n})
	l.drain()
}

// floorChild is a spawned task computing identity(x): its frame and its
// task in one allocation, with the one waiter a spawn-and-await needs.
type floorChild struct {
	x, result int
	done      bool
	waiter    floorRunner
}

func (c *floorChild) run(l *floorLoop) {
	c.result, c.done = c.x, true
	if c.waiter != nil {
		l.push(c.waiter)
	}
}

// floorSpawner is spawnAwait by hand: spawn a child, await it, n times.
type floorSpawner struct {
	state, i, n, sum int
	child            *floorChild
}

func (f *floorSpawner) run(l *floorLoop) {
	for {
		if f.state == 1 {
			f.sum += f.child.result
			f.child = nil
			f.i++
			f.state = 0
		}
		if f.i >= f.n {
			return
		}
		f.child = &floorChild{x: f.i}
		l.push(f.child)
		f.state = 1
		if !f.child.done {
			f.child.waiter = f
			return
		}
	}
}

func floorSpawnAwait(n int) int {
	var l floorLoop
	f := &floorSpawner{n: n}
	l.push(f)
	l.drain()
	return f.sum
}

// floorFuture is a one-shot future: a value and the tasks waiting on it.
type floorFuture struct {
	done    bool
	value   int
	waiters []floorRunner
}

func (f *floorFuture) set(l *floorLoop, v int) {
	f.done, f.value = true, v
	for _, w := range f.waiters {
		l.push(w)
	}
	f.waiters = nil
}

// floorParked is `v, _ := rt.Await(f); return v` by hand, as a task.
type floorParked struct {
	state  int
	f      *floorFuture
	result int
}

func (p *floorParked) run(l *floorLoop) {
	if p.state == 0 && !p.f.done {
		p.state = 1
		p.f.waiters = append(p.f.waiters, p)
		return
	}
	p.result = p.f.value
}

// floorParkMany parks n tasks on one future, calls measure, releases them
// and sums their results.
func floorParkMany(n int, measure func()) int {
	var l floorLoop
	f := &floorFuture{}
	tasks := make([]*floorParked, n)
	for i := range tasks {
		tasks[i] = &floorParked{f: f}
		l.push(tasks[i])
	}
	l.drain()
	measure()
	f.set(&l, 1)
	l.drain()
	sum := 0
	for _, t := range tasks {
		sum += t.result
	}
	return sum
}

// floorSleeper sleeps d once, as a task.
type floorSleeper struct {
	state int
	d     int64
}

func (s *floorSleeper) run(l *floorLoop) {
	if s.state == 0 {
		s.state = 1
		l.after(s.d, s)
	}
}

// floorTimers is manyTimers by hand on the virtual clock: n tasks sleeping
// max*(i%1000)/1000 each.
func floorTimers(n int, max int64) {
	var l floorLoop
	for i := 0; i < n; i++ {
		l.push(&floorSleeper{d: max * int64(i%1000) / 1000})
	}
	l.drain()
}
