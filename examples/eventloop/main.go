// Command eventloop ports the event-loop programs of the third tutorial:
// callbacks scheduled with CallSoon on a loop driven by RunForever and
// stopped from a callback, then a task run to completion on the same kind
// of loop with RunOn (asyncio's run_until_complete).
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

var out io.Writer = os.Stdout

func eventHandler(lp *rt.Loop, stop bool) {
	fmt.Fprintln(out, "Calling event handler")
	if stop {
		fmt.Fprintln(out, "Loop is being stopped")
		lp.Stop()
	}
}

// sampleTask stands for work that takes a while.
//
// async
func sampleTask(seconds int, unit time.Duration) string {
	fmt.Fprintf(out, "Task takes %d seconds to complete\n", seconds)
	rt.Sleep(time.Duration(seconds) * unit)
	return "task has been completed"
}

func run(w io.Writer, unit time.Duration, opts ...rt.LoopOption) error {
	out = w
	lp := rt.NewLoop(opts...)
	lp.CallSoon(func() { eventHandler(lp, false) })
	fmt.Fprintln(out, "Loop is being started")
	lp.CallSoon(func() { eventHandler(lp, true) })
	err := lp.RunForever()
	fmt.Fprintln(out, "Loop is being closed")
	lp.Close()
	if err != nil {
		return err
	}

	lp = rt.NewLoop(opts...)
	fmt.Fprintln(out, "Creation of tasks started")
	task := rt.SpawnOn(lp, sampleTaskAsync(3, unit))
	if _, err := rt.RunOn(lp, task); err != nil {
		return err
	}
	lp.Close()
	result, err := task.Result()
	fmt.Fprintf(out, "Task status: %s\n", result)
	return err
}

func main() {
	unit := flag.Duration("unit", time.Second, "how long one second of the story lasts")
	flag.Parse()
	if err := run(os.Stdout, *unit); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
