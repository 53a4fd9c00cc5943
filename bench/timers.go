package bench

import (
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

// sleeper sleeps d once.
//
// async
func sleeper(d time.Duration) {
	rt.Sleep(d)
}

// manyTimers starts n tasks that each sleep a different time up to max,
// and waits for all of them in a task group.
//
// async
func manyTimers(n int, max time.Duration) error {
	g := rt.NewTaskGroup()
	for i := 0; i < n; i++ {
		rt.Spawn(sleeperAsync(max*time.Duration(i%1000)/1000), rt.InGroup(g))
	}
	return g.Wait()
}

// child is a task group member that does nothing.
//
// async
func child() {}

// bigGroup spawns n children into one group and waits for them.
//
// async
func bigGroup(n int) error {
	g := rt.NewTaskGroup()
	for i := 0; i < n; i++ {
		rt.Spawn(childAsync(), rt.InGroup(g))
	}
	return g.Wait()
}

// SleepMany spawns n tasks that each sleep d, lets every one of them take
// its first step and park on its timer, calls measure while they all
// sleep, and returns: rt.Run then cancels the sleepers. bench/million
// runs it with n = 1,000,000.
//
// async
func SleepMany(n int, d time.Duration, measure func()) {
	for i := 0; i < n; i++ {
		rt.Spawn(sleeperAsync(d))
	}
	rt.Sleep(0) // every task takes its first step and parks
	measure()
}
