// Demo tells the seeds' story in one program that runs in real time, in
// about five seconds:
//
//   - three coroutines share a counter across a one-unit sleep. Awaited one
//     after another they see counts 0 and 0 and take three units; gathered,
//     they begin at 0, 1, 2 and end at 2, 1, 0 and take one unit. Between two
//     await points code runs atomically, so no lock guards the counter;
//   - 10,000 coroutines sleep one unit at once, on the one goroutine that
//     runs the loop: runtime.NumGoroutine does not grow.
//
// Each step prints its duration in units and as measured on the loop's clock.
//
//	go run ./examples/demo [-unit 1s]
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"runtime"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

//go:generate go tool asyncgen

// crowd is how many coroutines sleep at once in the last step.
const crowd = 10_000

// worker reads and changes the shared count on both sides of a sleep.
//
// async
func worker(w io.Writer, unit time.Duration, count *int) {
	fmt.Fprintf(w, "begin: count is %d\n", *count)
	*count++
	rt.Sleep(unit)
	*count--
	fmt.Fprintf(w, "end: count is %d\n", *count)
}

// oneAfterAnother awaits three workers in turn: three units.
//
// async
func oneAfterAnother(w io.Writer, unit time.Duration) {
	fmt.Fprintln(w, "== three sleeps of 1 unit, one after another")
	count := 0
	for range 3 {
		worker(w, unit, &count)
	}
}

// gathered runs three workers concurrently: one unit.
//
// async
func gathered(w io.Writer, unit time.Duration) error {
	fmt.Fprintln(w, "== the same three sleeps, gathered")
	count := 0
	_, err := rt.Await(rt.Gather(
		workerAsync(w, unit, &count),
		workerAsync(w, unit, &count),
		workerAsync(w, unit, &count),
	))
	return err
}

// async
func sleeper(unit time.Duration) {
	rt.Sleep(unit)
}

// many spawns crowd sleeping tasks and counts the goroutines while they
// sleep; goroutines is runtime.NumGoroutine from before the loop started.
//
// async
func many(w io.Writer, unit time.Duration, goroutines int) error {
	fmt.Fprintf(w, "== %d sleeps of 1 unit, spawned as tasks\n", crowd)
	tasks := make([]rt.Awaitable[struct{}], 0, crowd)
	for range crowd {
		tasks = append(tasks, rt.Spawn(sleeperAsync(unit)))
	}
	rt.Sleep(0) // one turn of the loop: every task starts and parks in its sleep
	fmt.Fprintf(w, "tasks not done: %d\n", len(rt.AllTasks()))
	fmt.Fprintf(w, "goroutines added while they sleep: %d\n", runtime.NumGoroutine()-goroutines)
	_, err := rt.Await(rt.Gather(tasks...))
	return err
}

// steps runs the steps in turn and reports how long each took.
//
// async
func steps(w io.Writer, unit time.Duration, goroutines int) error {
	start := rt.Now()
	oneAfterAnother(w, unit)
	took(w, rt.Now().Sub(start), unit)

	start = rt.Now()
	if err := gathered(w, unit); err != nil {
		return err
	}
	took(w, rt.Now().Sub(start), unit)

	start = rt.Now()
	if err := many(w, unit, goroutines); err != nil {
		return err
	}
	took(w, rt.Now().Sub(start), unit)
	return nil
}

// took prints d in whole units and as measured, to the millisecond. Sleeps
// end late, never early, so the units are rounded down, after allowing a
// tenth of a unit for the clock's granularity.
func took(w io.Writer, d, unit time.Duration) {
	n := (d + unit/10) / unit
	plural := "s"
	if n == 1 {
		plural = ""
	}
	fmt.Fprintf(w, "took %d unit%s (%v)\n", n, plural, d.Round(time.Millisecond))
}

// run prints the demo's output to w; one unit of sleep lasts unit.
func run(w io.Writer, unit time.Duration, opts ...rt.LoopOption) error {
	_, err := rt.Run(stepsAsync(w, unit, runtime.NumGoroutine()), opts...)
	return err
}

func main() {
	unit := flag.Duration("unit", time.Second, "how long one unit of sleep lasts")
	flag.Parse()
	if err := run(os.Stdout, *unit); err != nil {
		log.Fatal(err)
	}
}
