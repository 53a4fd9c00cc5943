// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/src/cmd/compile/internal/rangefunc/rangefunc_test.go (go1.26.8), case TestRunBodyAfterPanicCheck, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"regexp"
)

type rangefunc_TestRunBodyAfterPanicCheck_Seq[T any] func(yield func(T) bool)

const rangefunc_TestRunBodyAfterPanicCheck_DONE = 0

const rangefunc_TestRunBodyAfterPanicCheck_READY = 1

const rangefunc_TestRunBodyAfterPanicCheck_PANIC = 2

const rangefunc_TestRunBodyAfterPanicCheck_EXHAUSTED = 3

const rangefunc_TestRunBodyAfterPanicCheck_MISSING_PANIC = 4

// async
func rangefunc_TestRunBodyAfterPanicCheck_Check[U any](forall rangefunc_TestRunBodyAfterPanicCheck_Seq[U]) rangefunc_TestRunBodyAfterPanicCheck_Seq[U] {
	rt.Sleep(0)
	return func(body func(U) bool) {
		state := rangefunc_TestRunBodyAfterPanicCheck_READY
		forall(func(u U) bool {
			tmp := state
			state = rangefunc_TestRunBodyAfterPanicCheck_PANIC
			if tmp != rangefunc_TestRunBodyAfterPanicCheck_READY {
				panic(rangefunc_TestRunBodyAfterPanicCheck_fail[tmp])
			}
			ret := body(u)
			if ret {
				state = rangefunc_TestRunBodyAfterPanicCheck_READY
			} else {
				state = rangefunc_TestRunBodyAfterPanicCheck_DONE
			}
			return ret
		})
		if state == rangefunc_TestRunBodyAfterPanicCheck_PANIC {
			panic(rangefunc_TestRunBodyAfterPanicCheck_fail[rangefunc_TestRunBodyAfterPanicCheck_MISSING_PANIC])
		}
		state = rangefunc_TestRunBodyAfterPanicCheck_EXHAUSTED
	}
}

func rangefunc_TestRunBodyAfterPanicCheck_matchError(r any, x string) bool {
	if r == nil {
		return false
	}
	if x == "" {
		return true
	}
	if p, ok := r.(rangefunc_TestRunBodyAfterPanicCheck_errorString); ok {
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
type rangefunc_TestRunBodyAfterPanicCheck_errorString string

// async
func (e rangefunc_TestRunBodyAfterPanicCheck_errorString) Error() string {
	rt.Sleep(0)
	return string(e)
}

const (
	// RERR_ is for runtime error, and may be regexps/substrings, to simplify use of tests with tools
	rangefunc_TestRunBodyAfterPanicCheck_RERR_DONE      = "runtime error: range function continued iteration after function for loop body returned false"
	rangefunc_TestRunBodyAfterPanicCheck_RERR_PANIC     = "runtime error: range function continued iteration after loop body panic"
	rangefunc_TestRunBodyAfterPanicCheck_RERR_EXHAUSTED = "runtime error: range function continued iteration after whole loop exit"
	rangefunc_TestRunBodyAfterPanicCheck_RERR_MISSING   = "runtime error: range function recovered a loop body panic and did not resume panicking"

	// CERR_ is for checked errors in the Check combinator defined above, and should be literal strings
	rangefunc_TestRunBodyAfterPanicCheck_CERR_PFX       = "checked rangefunc error: "
	rangefunc_TestRunBodyAfterPanicCheck_CERR_DONE      = rangefunc_TestRunBodyAfterPanicCheck_CERR_PFX + "loop iteration after body done"
	rangefunc_TestRunBodyAfterPanicCheck_CERR_PANIC     = rangefunc_TestRunBodyAfterPanicCheck_CERR_PFX + "loop iteration after panic"
	rangefunc_TestRunBodyAfterPanicCheck_CERR_EXHAUSTED = rangefunc_TestRunBodyAfterPanicCheck_CERR_PFX + "loop iteration after iterator exit"
	rangefunc_TestRunBodyAfterPanicCheck_CERR_MISSING   = rangefunc_TestRunBodyAfterPanicCheck_CERR_PFX + "loop iterator swallowed panic"
)

var rangefunc_TestRunBodyAfterPanicCheck_fail []error = []error{
	rangefunc_TestRunBodyAfterPanicCheck_errorString(rangefunc_TestRunBodyAfterPanicCheck_CERR_DONE),
	rangefunc_TestRunBodyAfterPanicCheck_errorString(rangefunc_TestRunBodyAfterPanicCheck_CERR_PFX + "loop iterator, unexpected error"),
	rangefunc_TestRunBodyAfterPanicCheck_errorString(rangefunc_TestRunBodyAfterPanicCheck_CERR_PANIC),
	rangefunc_TestRunBodyAfterPanicCheck_errorString(rangefunc_TestRunBodyAfterPanicCheck_CERR_EXHAUSTED),
	rangefunc_TestRunBodyAfterPanicCheck_errorString(rangefunc_TestRunBodyAfterPanicCheck_CERR_MISSING),
}

// twice calls yield twice, the first time defer-recover-saving any panic,
// for re-panicking later if the second call to yield does not also panic.
// If the first call panicked, the second call ought to also panic because
// it was called after a panic-termination of the loop body.
// async
func rangefunc_TestRunBodyAfterPanicCheck_twice[T any](x, y T) rangefunc_TestRunBodyAfterPanicCheck_Seq[T] {
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
func rangefunc_TestRunBodyAfterPanicCheck_TestRunBodyAfterPanicCheck(t *conformT) {
	rt.Sleep(0)
	defer func() {
		if r := recover(); r != nil {
			if rangefunc_TestRunBodyAfterPanicCheck_matchError(r, rangefunc_TestRunBodyAfterPanicCheck_CERR_PANIC) {
				t.Logf("Saw expected panic '%v'", r)
			} else {
				t.Errorf("Saw wrong panic '%v'", r)
			}
		} else {
			t.Errorf("Wanted to see a failure, result")
		}
	}()
	rt.Sleep(0)
	for x := range rangefunc_TestRunBodyAfterPanicCheck_Check(rangefunc_TestRunBodyAfterPanicCheck_twice(0, 1)) {
		rt.Sleep(0)
		if conformAwait(x == 0) {
			rt.Sleep(0)
			panic("x is zero")
		}
	}
}

// async
func rangefunc_TestRunBodyAfterPanicCheck__run(t *conformT) {
	rt.Sleep(0)
	rangefunc_TestRunBodyAfterPanicCheck_TestRunBodyAfterPanicCheck(t)
	rt.Sleep(0)
}
