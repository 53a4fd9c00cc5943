// Command sensor reads an async generator of sensor readings, first
// under a timeout scope over the whole loop (asyncio's
// `async with asyncio.timeout(...)` around an `async for`), then until a
// reading crosses a threshold (a break). Either way the generator is
// closed as the loop ends, before the next line runs, and its deferred
// cleanup, which awaits, says so: asyncio's aclose, made automatic.
//
// sensor.py beside this file is the same program for CPython's asyncio,
// and prints the same lines.
//
//	go run ./examples/sensor [-unit 100ms]
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

//go:generate go tool asyncgen

var (
	out   io.Writer = os.Stdout
	unit  time.Duration
	start time.Time
)

// async
func say(format string, args ...any) {
	fmt.Fprintf(out, "%d "+format+"\n", append([]any{int(rt.Now().Sub(start) / unit)}, args...)...)
}

// disconnect closes the sensor's connection, which takes half a unit.
//
// async
func disconnect(name string) {
	rt.Sleep(unit / 2)
	say("%s: disconnected", name)
}

// readings is an async generator: it yields a reading every unit, values
// from the list, and disconnects however the consumer stops.
//
// async
func readings(name string, values []int, yield func(int) bool) {
	defer disconnect(name)
	say("%s: connected", name)
	for _, v := range values {
		rt.Sleep(unit)
		if !yield(v) {
			say("%s: consumer stopped", name)
			return
		}
	}
	say("%s: no more readings", name)
}

// watch prints every reading of the sensor; the caller bounds it in time.
//
// async
func watch(name string) error {
	for v := range readingsAsync(name, []int{20, 21, 23, 22, 25, 24}) {
		say("%s: %d", name, v)
	}
	return nil
}

// untilHot reads until a reading reaches limit.
//
// async
func untilHot(name string, limit int) {
	for v := range readingsAsync(name, []int{18, 19, 22, 26, 27}) {
		say("%s: %d", name, v)
		if v >= limit {
			say("%s: too hot, stop reading", name)
			break
		}
	}
	say("%s: done", name)
}

// async
func main2() error {
	start = rt.Now()
	// Three and a half units for six readings a unit apart: the scope
	// cancels the loop, the generator's deferred disconnect still runs.
	_, err := rt.Await(rt.Timeout(unit*7/2, watchAsync("kitchen")))
	if errors.Is(err, rt.ErrTimeout) {
		say("kitchen: timed out")
	} else if err != nil {
		return err
	}
	untilHot("oven", 25)
	return nil
}

func run(w io.Writer, u time.Duration, opts ...rt.LoopOption) error {
	out, unit = w, u
	_, err := rt.Run(main2Async(), opts...)
	return err
}

func main() {
	u := flag.Duration("unit", 100*time.Millisecond, "how long one unit lasts")
	flag.Parse()
	if err := run(os.Stdout, *u); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
