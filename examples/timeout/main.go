// Command timeout bounds slow work in time with rt.WaitFor: a lookup that
// takes longer than its deadline is cancelled (its deferred cleanup runs)
// and reported as rt.ErrTimeout; a retry with a longer deadline succeeds.
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

// lookup takes `took` units to answer.
//
// async
func lookup(key string, took int) (string, error) {
	defer say("lookup %s: connection closed", key)
	rt.Sleep(time.Duration(took) * unit)
	return "value of " + key, nil
}

// async
func fetch(key string, took int) error {
	for _, deadline := range []int{2, 4, 8} {
		v, err := rt.Await(rt.WaitFor(lookupAsync(key, took), time.Duration(deadline)*unit))
		if errors.Is(err, rt.ErrTimeout) {
			say("%s: no answer within %d units", key, deadline)
			continue
		}
		if err != nil {
			return err
		}
		say("%s: %s", key, v)
		return nil
	}
	return fmt.Errorf("%s: gave up", key)
}

// async
func main2() error {
	start = rt.Now()
	if err := fetch("fast", 1); err != nil {
		return err
	}
	return fetch("slow", 3)
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
