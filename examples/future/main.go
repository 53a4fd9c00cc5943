// Future resolves a future in one coroutine and awaits it in another.
//
// It ports the seeds' foo/bar future program. foo awaits a future that
// nothing has resolved yet, so it parks; bar sleeps two units and sets the
// future's result, which wakes foo. Both run gathered, and Gather returns
// their results in argument order.
//
// future.py beside this file is the same program for CPython's asyncio, and
// prints the same lines.
//
//	go run ./examples/future [-unit 500ms]
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

// bar sleeps, then marks the future as done.
//
// async
func bar(w io.Writer, unit time.Duration, future *rt.Future[string]) string {
	fmt.Fprintln(w, "bar will sleep for 2 units")
	rt.Sleep(2 * unit)
	fmt.Fprintln(w, "bar resolving the future")
	future.SetResult("future is resolved")
	return "bar is done"
}

// foo waits until the future is resolved somewhere else.
//
// async
func foo(w io.Writer, future *rt.Future[string]) (string, error) {
	fmt.Fprintln(w, "foo will await the future")
	result, err := rt.Await(future)
	if err != nil {
		return "", err
	}
	fmt.Fprintf(w, "future result: %s\n", result)
	fmt.Fprintf(w, "is the future done? %t\n", future.Done())
	return result, nil
}

// gathered runs foo and bar concurrently on one future.
//
// async
func gathered(w io.Writer, unit time.Duration) error {
	start := rt.Now()
	future := rt.NewFuture[string]()
	results, err := rt.Await(rt.Gather(fooAsync(w, future), barAsync(w, unit, future)))
	if err != nil {
		return err
	}
	for i, result := range results {
		fmt.Fprintf(w, "result %d: %s\n", i, result)
	}
	fmt.Fprintf(w, "main exiting after %s\n", units(rt.Now().Sub(start), unit))
	return nil
}

// run prints the program's output to w; one unit of sleep lasts unit.
func run(w io.Writer, unit time.Duration, opts ...rt.LoopOption) error {
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
	unit := flag.Duration("unit", 500*time.Millisecond, "how long one unit of sleep lasts")
	flag.Parse()
	if err := run(os.Stdout, *unit); err != nil {
		log.Fatal(err)
	}
}
