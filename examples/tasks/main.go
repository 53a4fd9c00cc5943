// Tasks spawns five tasks in a loop, each sleeping three units: together they
// take three units, where awaiting them one after another takes fifteen.
//
// It ports the seeds' test_async.py and, for comparison, test_noasync.py.
// Spawning returns at once (the elapsed time printed on each iteration stays
// at 0), the tasks first run when the spawning coroutine awaits, and the
// five sleeps overlap. Their timers fire in the order they were set, so the
// tasks finish in spawn order.
//
// tasks.py beside this file is the same program for CPython's asyncio, and
// prints the same lines.
//
//	go run ./examples/tasks [-unit 200ms]
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

//go:generate go tool asyncgen

// example stands for waiting on the network: 3 units.
//
// async
func example(w io.Writer, unit time.Duration, i int) {
	rt.Sleep(3 * unit)
	fmt.Fprintf(w, "coroutine %d finished\n", i)
}

// spawned spawns the five coroutines as tasks, then waits for all of them.
//
// async
func spawned(w io.Writer, unit time.Duration) error {
	fmt.Fprintln(w, "== spawned in a loop")
	t0 := rt.Now()
	var tasks []rt.Awaitable[struct{}]
	for i := range 5 {
		fmt.Fprintf(w, "time passed after iter %d is %s\n", i, units(rt.Now().Sub(t0), unit))
		tasks = append(tasks, rt.Spawn(exampleAsync(w, unit, i)))
	}
	if _, err := rt.Await(rt.Gather(tasks...)); err != nil {
		return err
	}
	fmt.Fprintf(w, "total time needed was %s\n", units(rt.Now().Sub(t0), unit))
	return nil
}

// awaited awaits each call in the loop, so the sleeps run one after another.
//
// async
func awaited(w io.Writer, unit time.Duration) {
	fmt.Fprintln(w, "== awaited in a loop")
	t0 := rt.Now()
	for i := range 5 {
		fmt.Fprintf(w, "time passed after iter %d is %s\n", i, units(rt.Now().Sub(t0), unit))
		example(w, unit, i)
	}
	fmt.Fprintf(w, "total time needed was %s\n", units(rt.Now().Sub(t0), unit))
}

// async
func both(w io.Writer, unit time.Duration) error {
	if err := spawned(w, unit); err != nil {
		return err
	}
	awaited(w, unit)
	return nil
}

// run prints the program's output to w; one unit of sleep lasts unit.
func run(w io.Writer, unit time.Duration, opts ...rt.LoopOption) error {
	_, err := rt.Run(bothAsync(w, unit), opts...)
	return err
}

// units formats d as a whole number of units. Sleeps end late, never
// early, so it rounds down, after allowing a tenth of a unit for the clock's
// granularity.
func units(d, unit time.Duration) string {
	n := (d + unit/10) / unit
	if n == 1 {
		return "1 unit"
	}
	return fmt.Sprintf("%d units", n)
}

func main() {
	unit := flag.Duration("unit", 200*time.Millisecond, "how long one unit of sleep lasts")
	flag.Parse()
	if err := run(os.Stdout, *unit); err != nil {
		log.Fatal(err)
	}
}
