// Counter runs three coroutines that share a counter across a sleep.
//
// It ports the seeds' shared-counter program. Each coroutine reads the
// counter, increments it, sleeps one unit, decrements it and reads it again.
// Gathered, the three run on one event loop: they begin at counts 0, 1 and 2
// and end at 2, 1 and 0. The sleeps overlap, so the program takes one unit,
// not three. Between two await points code runs atomically, so no lock guards
// the counter.
//
// counter.py beside this file is the same program for CPython's asyncio, and
// prints the same lines.
//
//	go run ./examples/counter [-unit 1s]
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

// gathered runs three workers concurrently and reports how long they took.
//
// async
func gathered(w io.Writer, unit time.Duration) error {
	count := 0
	start := rt.Now()
	_, err := rt.Await(rt.Gather(
		workerAsync(w, unit, &count),
		workerAsync(w, unit, &count),
		workerAsync(w, unit, &count),
	))
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "main executed in %s\n", units(rt.Now().Sub(start), unit))
	return nil
}

// run prints the program's output to w; one unit of sleep lasts unit.
func run(w io.Writer, unit time.Duration, opts ...rt.LoopOption) error {
	fmt.Fprintln(w, "main starting")
	_, err := rt.Run(gatheredAsync(w, unit), opts...)
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
	unit := flag.Duration("unit", time.Second, "how long one unit of sleep lasts")
	flag.Parse()
	if err := run(os.Stdout, *unit); err != nil {
		log.Fatal(err)
	}
}
