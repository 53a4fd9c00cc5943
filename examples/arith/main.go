// Arith runs four arithmetic coroutines that sleep 5, 7, 3 and 1 units: awaited
// one after another, spawned as named tasks, and gathered.
//
// It ports the seeds' addition/subtraction/multiplication/division program:
//
//   - awaited one after another, each sleep starts when the previous one ends:
//     5+7+3+1 = 16 units;
//   - spawned as tasks, the sleeps overlap: 7 units, and the results print in
//     the order the tasks finish (multiplication, addition, division,
//     subtraction), not the order they were spawned;
//   - gathered, the results come back in argument order whatever order the
//     coroutines finish in;
//   - named tasks report their name through rt.CurrentTask, and rt.AllTasks
//     counts the tasks that are not done yet, the main task included.
//
// arith.py beside this file is the same program for CPython's asyncio, and
// prints the same lines.
//
//	go run ./examples/arith [-unit 100ms]
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

//go:generate go tool asyncgen

// The four operations return float64 so that they can be gathered together.

// async
func addition(w io.Writer, unit time.Duration, a, b int) float64 {
	rt.Sleep(3 * unit)
	fmt.Fprintf(w, "addition result: %v\n", a+b)
	return float64(a + b)
}

// async
func multiplication(w io.Writer, unit time.Duration, a, b int) float64 {
	rt.Sleep(1 * unit)
	fmt.Fprintf(w, "multiplication result: %v\n", a*b)
	return float64(a * b)
}

// async
func division(w io.Writer, unit time.Duration, a, b int) float64 {
	rt.Sleep(5 * unit)
	fmt.Fprintf(w, "division result: %v\n", float64(a)/float64(b))
	return float64(a) / float64(b)
}

// async
func subtraction(w io.Writer, unit time.Duration, a, b int) float64 {
	rt.Sleep(7 * unit)
	fmt.Fprintf(w, "subtraction result: %v\n", a-b)
	return float64(a - b)
}

// awaited awaits each operation before starting the next: 16 units.
//
// async
func awaited(w io.Writer, unit time.Duration) {
	fmt.Fprintln(w, "== awaited one after another")
	division(w, unit, 10, 20)
	subtraction(w, unit, 10, 20)
	addition(w, unit, 10, 20)
	multiplication(w, unit, 10, 20)
}

// spawned runs the four operations as tasks: done after the longest, 7 units.
//
// async
func spawned(w io.Writer, unit time.Duration) error {
	fmt.Fprintln(w, "== spawned as tasks")
	divTask := rt.Spawn(divisionAsync(w, unit, 10, 20), rt.Name("division"))
	subTask := rt.Spawn(subtractionAsync(w, unit, 10, 20), rt.Name("subtraction"))
	addTask := rt.Spawn(additionAsync(w, unit, 10, 20), rt.Name("addition"))
	mulTask := rt.Spawn(multiplicationAsync(w, unit, 10, 20), rt.Name("multiplication"))
	for _, t := range []*rt.Task[float64]{divTask, subTask, addTask, mulTask} {
		if _, err := rt.Await(t); err != nil {
			return err
		}
	}
	return nil
}

// gathered gathers the four operations; the results come in argument order.
//
// async
func gathered(w io.Writer, unit time.Duration) error {
	fmt.Fprintln(w, "== gathered")
	results, err := rt.Await(rt.Gather(
		divisionAsync(w, unit, 10, 20),
		subtractionAsync(w, unit, 10, 20),
		additionAsync(w, unit, 10, 20),
		multiplicationAsync(w, unit, 10, 20),
	))
	if err != nil {
		return err
	}
	for i, name := range []string{"division", "subtraction", "addition", "multiplication"} {
		fmt.Fprintf(w, "%s: %v\n", name, results[i])
	}
	return nil
}

// announced prints the name of the task it runs in, then awaits op.
//
// async
func announced(w io.Writer, op rt.Awaitable[float64]) (float64, error) {
	fmt.Fprintf(w, "%s started\n", rt.CurrentTask().Name())
	return rt.Await(op)
}

// printAllTasks prints how many tasks are not done yet: the current one
// (main) and the others by name.
//
// async
func printAllTasks(w io.Writer, when string) {
	me := rt.CurrentTask()
	tasks := rt.AllTasks()
	names := []string{}
	for _, t := range tasks {
		if t != me {
			names = append(names, t.Name())
		}
	}
	sort.Strings(names)
	fmt.Fprintf(w, "all tasks %s: %d (%s)\n", when, len(tasks), strings.Join(append([]string{"main"}, names...), ", "))
}

// named spawns named tasks that report their names, and counts the tasks
// that are not done before and after awaiting them.
//
// async
func named(w io.Writer, unit time.Duration) error {
	fmt.Fprintln(w, "== current and all tasks")
	divTask := rt.Spawn(announcedAsync(w, divisionAsync(w, unit, 10, 20)), rt.Name("division"))
	subTask := rt.Spawn(announcedAsync(w, subtractionAsync(w, unit, 10, 20)), rt.Name("subtraction"))
	addTask := rt.Spawn(announcedAsync(w, additionAsync(w, unit, 10, 20)), rt.Name("addition"))
	mulTask := rt.Spawn(announcedAsync(w, multiplicationAsync(w, unit, 10, 20)), rt.Name("multiplication"))
	printAllTasks(w, "before awaiting")
	for _, t := range []*rt.Task[float64]{divTask, subTask, addTask, mulTask} {
		if _, err := rt.Await(t); err != nil {
			return err
		}
	}
	printAllTasks(w, "after awaiting")
	for _, t := range []*rt.Task[float64]{addTask, mulTask, divTask, subTask} {
		v, err := t.Result()
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%s task result: %v\n", t.Name(), v)
	}
	return nil
}

// parts runs the four parts in turn and reports how long each took.
//
// async
func parts(w io.Writer, unit time.Duration) error {
	for _, part := range []func(io.Writer, time.Duration) rt.Awaitable[struct{}]{
		awaitedAsync, spawnedAsync, gatheredAsync, namedAsync,
	} {
		start := rt.Now()
		if _, err := rt.Await(part(w, unit)); err != nil {
			return err
		}
		fmt.Fprintf(w, "took %s\n", units(rt.Now().Sub(start), unit))
	}
	return nil
}

// run prints the program's output to w; one unit of sleep lasts unit.
func run(w io.Writer, unit time.Duration, opts ...rt.LoopOption) error {
	_, err := rt.Run(partsAsync(w, unit), opts...)
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
	unit := flag.Duration("unit", 100*time.Millisecond, "how long one unit of sleep lasts")
	flag.Parse()
	if err := run(os.Stdout, *unit); err != nil {
		log.Fatal(err)
	}
}
