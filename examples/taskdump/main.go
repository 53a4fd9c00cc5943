// Command taskdump shows rt.Dump on a program that is stuck: a worker
// waits for a reply that never comes, a supervisor waits for the worker,
// and a ticker is the only task still making progress. The dump names each
// task, what state it is in, the source lines where it is suspended
// (innermost call first) and who awaits it.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

//go:generate go tool asyncgen

// async
func waitReply(reply *rt.Future[string]) (string, error) {
	return rt.Await(reply) // nobody ever sets it
}

// async
func worker(reply *rt.Future[string]) (string, error) {
	return waitReply(reply)
}

// async
func supervise(t *rt.Task[string]) error {
	_, err := rt.Await(t)
	return err
}

// async
func ticker(unit time.Duration) {
	for {
		rt.Sleep(unit)
	}
}

// async
func stuck(w io.Writer, unit time.Duration) error {
	reply := rt.NewFuture[string]()
	work := rt.Spawn(workerAsync(reply), rt.Name("worker"))
	rt.Spawn(superviseAsync(work), rt.Name("supervisor"))
	rt.Spawn(tickerAsync(unit), rt.Name("ticker"))
	rt.Sleep(5 * unit) // "why has nothing happened?"
	fmt.Fprintln(w, "after 5 units, still waiting; the tasks:")
	rt.Dump(w)
	return nil
}

func run(w io.Writer, unit time.Duration, opts ...rt.LoopOption) error {
	_, err := rt.Run(stuckAsync(w, unit), opts...)
	return err
}

func main() {
	unit := flag.Duration("unit", 100*time.Millisecond, "how long one unit lasts")
	flag.Parse()
	if err := run(os.Stdout, *unit); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
