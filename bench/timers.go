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
