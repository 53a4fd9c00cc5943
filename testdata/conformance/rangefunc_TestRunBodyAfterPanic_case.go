// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/src/cmd/compile/internal/rangefunc/rangefunc_test.go (go1.26.8), case TestRunBodyAfterPanic, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"regexp"
)

type rangefunc_TestRunBodyAfterPanic_Seq[T any] func(yield func(T) bool)

func rangefunc_TestRunBodyAfterPanic_matchError(r any, x string) bool {
	if r == nil {
		return false
	}
	if x == "" {
		return true
	}
	if p, ok := r.(rangefunc_TestRunBodyAfterPanic_errorString); ok {
		return p.Error() == x
	}
	if p, ok := r.(error); ok {
		e, err := regexp.Compile(x)
		if err != nil {
			panic(fmt.Errorf("Bad regexp '%s' passed to matchError", x))
		}
		return e.MatchString(p.Error())
	}
	return false
}

// An errorString represents a runtime error described by a single string.
type rangefunc_TestRunBodyAfterPanic_errorString string

// async
func (e rangefunc_TestRunBodyAfterPanic_errorString) Error() string {
	rt.Sleep(0)
	return string(e)
}

const (
	// RERR_ is for runtime error, and may be regexps/substrings, to simplify use of tests with tools
	rangefunc_TestRunBodyAfterPanic_RERR_DONE      = "runtime error: range function continued iteration after function for loop body returned false"
	rangefunc_TestRunBodyAfterPanic_RERR_PANIC     = "runtime error: range function continued iteration after loop body panic"
	rangefunc_TestRunBodyAfterPanic_RERR_EXHAUSTED = "runtime error: range function continued iteration after whole loop exit"
	rangefunc_TestRunBodyAfterPanic_RERR_MISSING   = "runtime error: range function recovered a loop body panic and did not resume panicking"

	// CERR_ is for checked errors in the Check combinator defined above, and should be literal strings
	rangefunc_TestRunBodyAfterPanic_CERR_PFX       = "checked rangefunc error: "
	rangefunc_TestRunBodyAfterPanic_CERR_DONE      = rangefunc_TestRunBodyAfterPanic_CERR_PFX + "loop iteration after body done"
	rangefunc_TestRunBodyAfterPanic_CERR_PANIC     = rangefunc_TestRunBodyAfterPanic_CERR_PFX + "loop iteration after panic"
	rangefunc_TestRunBodyAfterPanic_CERR_EXHAUSTED = rangefunc_TestRunBodyAfterPanic_CERR_PFX + "loop iteration after iterator exit"
	rangefunc_TestRunBodyAfterPanic_CERR_MISSING   = rangefunc_TestRunBodyAfterPanic_CERR_PFX + "loop iterator swallowed panic"
)

// twice calls yield twice, the first time defer-recover-saving any panic,
// for re-panicking later if the second call to yield does not also panic.
// If the first call panicked, the second call ought to also panic because
// it was called after a panic-termination of the loop body.
// async
func rangefunc_TestRunBodyAfterPanic_twice[T any](x, y T) rangefunc_TestRunBodyAfterPanic_Seq[T] {
	rt.Sleep(0)
	return func(yield func(T) bool) {
		var p any
		done := false
		func() {
			defer func() {
				p = recover()
			}()
			done = !yield(x)
		}()
		if done {
			return
		}
		yield(y)
		if p != nil {
			// do not swallow the panic
			panic(p)
		}
	}
}

// async
func rangefunc_TestRunBodyAfterPanic_TestRunBodyAfterPanic(t *conformT) {
	rt.Sleep(0)
	defer func() {
		if r := recover(); r != nil {
			if rangefunc_TestRunBodyAfterPanic_matchError(r, rangefunc_TestRunBodyAfterPanic_RERR_PANIC) {
				t.Logf("Saw expected panic '%v'", r)
			} else {
				t.Errorf("Saw wrong panic '%v'", r)
			}
		} else {
			t.Errorf("Wanted to see a failure, result")
		}
	}()
	rt.Sleep(0)
	for x := range rangefunc_TestRunBodyAfterPanic_twice(0, 1) {
		rt.Sleep(0)
		if conformAwait(x == 0) {
			rt.Sleep(0)
			panic("x is zero")
		}
	}
}

// async
func rangefunc_TestRunBodyAfterPanic__run(t *conformT) {
	rt.Sleep(0)
	rangefunc_TestRunBodyAfterPanic_TestRunBodyAfterPanic(t)
	rt.Sleep(0)
}
