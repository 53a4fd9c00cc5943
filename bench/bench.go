// Package bench holds the async functions that asyncgen's benchmarks
// measure, written the way users write them and lowered by the generator
// (bench_async.go), so the figures are those of generated code. Each
// benchmark in bench_test.go runs beside its goroutine equivalent.
package bench

import (
	"github.com/asyncgen/asyncgen/rt"
)

//go:generate go tool asyncgen

// mailbox holds the future a player waits on next.
type mailbox struct{ f *rt.Future[int] }

// player waits for a value in its mailbox and hands the next one to its
// peer, rounds times: one suspension and one wake-up per round.
//
// async
func player(me, peer *mailbox, rounds int) int {
	v := 0
	for i := 0; i < rounds; i++ {
		v, _ = rt.Await(me.f)
		me.f = rt.NewFuture[int]()
		peer.f.SetResult(v + 1)
	}
	return v
}

// pingPong runs two players for rounds rounds each: 2*rounds switches.
//
// async
func pingPong(rounds int) int {
	a := &mailbox{rt.NewFuture[int]()}
	b := &mailbox{rt.NewFuture[int]()}
	pa := rt.Spawn(playerAsync(a, b, rounds))
	pb := rt.Spawn(playerAsync(b, a, rounds))
	a.f.SetResult(0)
	x, _ := rt.Await(pa)
	y, _ := rt.Await(pb)
	return x + y
}

// identity is the smallest async function.
//
// async
func identity(x int) int {
	return x
}

// spawnAwait spawns n trivial tasks one after another, awaiting each.
//
// async
func spawnAwait(n int) int {
	sum := 0
	for i := 0; i < n; i++ {
		t := rt.Spawn(identityAsync(i))
		v, _ := rt.Await(t)
		sum += v
	}
	return sum
}

// parked waits on f.
//
// async
func parked(f *rt.Future[int]) int {
	v, _ := rt.Await(f)
	return v
}

// parkMany spawns n tasks that all wait on one future, lets them park,
// calls measure while they are parked, then releases them.
//
// async
func parkMany(n int, measure func()) int {
	f := rt.NewFuture[int]()
	tasks := make([]*rt.Task[int], n)
	for i := range tasks {
		tasks[i] = rt.Spawn(parkedAsync(f))
	}
	rt.Sleep(0) // every task takes its first step and parks
	measure()
	f.SetResult(1)
	sum := 0
	for _, t := range tasks {
		v, _ := rt.Await(t)
		sum += v
	}
	return sum
}

// deep recurses depth calls deep and then yields k times from the
// innermost call: each yield suspends and resumes the whole chain.
//
// async
func deep(depth, k int) int {
	if depth == 0 {
		for i := 0; i < k; i++ {
			rt.Sleep(0)
		}
		return k
	}
	return deep(depth-1, k)
}

// yielder yields to the loop n times.
//
// async
func yielder(n int) {
	for i := 0; i < n; i++ {
		rt.Sleep(0)
	}
}

// yieldPair runs two yielders side by side: each yield hands the loop to
// the other task, 2*n switches in all.
//
// async
func yieldPair(n int) error {
	_, err := rt.Await(rt.Gather(yielderAsync(n), yielderAsync(n)))
	return err
}
