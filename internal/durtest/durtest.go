// Package durtest holds the durable functions of rt/ajobs's tests of
// durable jobs (ajobs.DefineDurable). It must not import rt/ajobs (whose
// tests import it): the tests set its hooks.
package durtest

import (
	"fmt"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/durable"
)

//go:generate go tool asyncgen

// Args are Squares's arguments: N steps, each a pause of StepMs and an
// effect; a durable sleep of SleepMs after step SleepAfter (when
// SleepMs > 0); a checkpoint after each step.
type Args struct {
	N, StepMs  int
	SleepAfter int
	SleepMs    int
	Label      string
}

// Result is Squares's result: the sum of the steps' values and what the
// steps returned, in order.
type Result struct {
	Sum    int
	Values []int
	Label  string
}

// Effect is the outside effect of step i of a run, keyed by the step's
// idempotency key; it returns the step's value. Tests set it.
var Effect func(key string, i int) rt.Awaitable[int]

// AfterStep, when set, is called (plain Go) after each step's value is
// added: an error it returns ends the attempt with that error.
var AfterStep func(i int) error

// Squares runs Args.N steps, each returning the value Effect gives it.
//
// async durable
func Squares(a Args) (Result, error) {
	r := Result{Label: a.Label}
	for i := 0; i < a.N; i++ {
		if a.StepMs > 0 {
			if err := durable.Sleep("pace", time.Duration(a.StepMs)*time.Millisecond); err != nil {
				return r, err
			}
		}
		v, err := durable.Step("square", func(key string) rt.Awaitable[int] {
			return Effect(key, i)
		})
		if err != nil {
			return r, err
		}
		r.Sum += v
		r.Values = append(r.Values, v)
		if AfterStep != nil {
			if err := AfterStep(i); err != nil {
				return r, err
			}
		}
		if a.SleepMs > 0 && i == a.SleepAfter {
			if err := durable.Sleep("nap", time.Duration(a.SleepMs)*time.Millisecond); err != nil {
				return r, err
			}
		}
	}
	label, err := finish(r.Label, len(r.Values))
	if err != nil {
		return r, err
	}
	r.Label = label
	return r, nil
}

// finish is a durable callee with a checkpoint of its own.
//
// async durable
func finish(label string, n int) (string, error) {
	if err := durable.Checkpoint("finish"); err != nil {
		return "", err
	}
	return fmt.Sprintf("%s:%d", label, n), nil
}

// Hold checkpoints n times with data in its frame, and returns how many
// strings data holds: the benchmarks' checkpoint and resume of a frame of
// a given size.
//
// async durable
func Hold(data []string, n int) (int, error) {
	for i := 0; i < n; i++ {
		if err := durable.Checkpoint("hold"); err != nil {
			return i, err
		}
	}
	return len(data), nil
}
