// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/src/cmd/compile/internal/rangefunc/rangefunc_test.go (go1.26.8), case TestCheck, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"regexp"
)

type rangefunc_TestCheck_Seq2[T1, T2 any] func(yield func(T1, T2) bool)

// BadOfSliceIndex is "bad" because it ignores the return value from yield
// and just keeps on iterating.
// async
func rangefunc_TestCheck_BadOfSliceIndex[T any, S ~[]T](s S) rangefunc_TestCheck_Seq2[int, T] {
	rt.Sleep(0)
	return func(yield func(int, T) bool) {
		for i, v := range s {
			yield(i, v)
		}
		return
	}
}

const rangefunc_TestCheck_DONE = 0

const rangefunc_TestCheck_READY = 1

const rangefunc_TestCheck_PANIC = 2

const rangefunc_TestCheck_EXHAUSTED = 3

const rangefunc_TestCheck_MISSING_PANIC = 4

// Check2 wraps the function body passed to iterator forall
// in code that ensures that it cannot (successfully) be called
// either after body return false (control flow out of loop) or
// forall itself returns (the iteration is now done).
//
// Note that this can catch errors before the inserted checks.
// async
func rangefunc_TestCheck_Check2[U, V any](forall rangefunc_TestCheck_Seq2[U, V]) rangefunc_TestCheck_Seq2[U, V] {
	rt.Sleep(0)
	return func(body func(U, V) bool) {
		state := rangefunc_TestCheck_READY
		forall(func(u U, v V) bool {
			tmp := state
			state = rangefunc_TestCheck_PANIC
			if tmp != rangefunc_TestCheck_READY {
				panic(rangefunc_TestCheck_fail[tmp])
			}
			ret := body(u, v)
			if ret {
				state = rangefunc_TestCheck_READY
			} else {
				state = rangefunc_TestCheck_DONE
			}
			return ret
		})
		if state == rangefunc_TestCheck_PANIC {
			panic(rangefunc_TestCheck_fail[rangefunc_TestCheck_MISSING_PANIC])
		}
		state = rangefunc_TestCheck_EXHAUSTED
	}
}

func rangefunc_TestCheck_matchError(r any, x string) bool {
	if r == nil {
		return false
	}
	if x == "" {
		return true
	}
	if p, ok := r.(rangefunc_TestCheck_errorString); ok {
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
type rangefunc_TestCheck_errorString string

// async
func (e rangefunc_TestCheck_errorString) Error() string {
	rt.Sleep(0)
	return string(e)
}

const (
	// RERR_ is for runtime error, and may be regexps/substrings, to simplify use of tests with tools
	rangefunc_TestCheck_RERR_DONE      = "runtime error: range function continued iteration after function for loop body returned false"
	rangefunc_TestCheck_RERR_PANIC     = "runtime error: range function continued iteration after loop body panic"
	rangefunc_TestCheck_RERR_EXHAUSTED = "runtime error: range function continued iteration after whole loop exit"
	rangefunc_TestCheck_RERR_MISSING   = "runtime error: range function recovered a loop body panic and did not resume panicking"

	// CERR_ is for checked errors in the Check combinator defined above, and should be literal strings
	rangefunc_TestCheck_CERR_PFX       = "checked rangefunc error: "
	rangefunc_TestCheck_CERR_DONE      = rangefunc_TestCheck_CERR_PFX + "loop iteration after body done"
	rangefunc_TestCheck_CERR_PANIC     = rangefunc_TestCheck_CERR_PFX + "loop iteration after panic"
	rangefunc_TestCheck_CERR_EXHAUSTED = rangefunc_TestCheck_CERR_PFX + "loop iteration after iterator exit"
	rangefunc_TestCheck_CERR_MISSING   = rangefunc_TestCheck_CERR_PFX + "loop iterator swallowed panic"
)

var rangefunc_TestCheck_fail []error = []error{
	rangefunc_TestCheck_errorString(rangefunc_TestCheck_CERR_DONE),
	rangefunc_TestCheck_errorString(rangefunc_TestCheck_CERR_PFX + "loop iterator, unexpected error"),
	rangefunc_TestCheck_errorString(rangefunc_TestCheck_CERR_PANIC),
	rangefunc_TestCheck_errorString(rangefunc_TestCheck_CERR_EXHAUSTED),
	rangefunc_TestCheck_errorString(rangefunc_TestCheck_CERR_MISSING),
}

// async
func rangefunc_TestCheck_TestCheck(t *conformT) {
	rt.Sleep(0)
	i := 0
	rt.Sleep(0)
	defer func() {
		if r := recover(); r != nil {
			if rangefunc_TestCheck_matchError(r, rangefunc_TestCheck_CERR_DONE) {
				t.Logf("Saw expected panic '%v'", r)
			} else {
				t.Errorf("Saw wrong panic '%v'", r)
			}
		} else {
			t.Error("Wanted to see a failure")
		}
	}()
	rt.Sleep(0)
	for _, x := range rangefunc_TestCheck_Check2(rangefunc_TestCheck_BadOfSliceIndex([]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10})) {
		rt.Sleep(0)
		i += x
		rt.Sleep(0)
		if conformAwait(i > 4*9) {
			rt.Sleep(0)
			break
		}
	}
}

// async
func rangefunc_TestCheck__run(t *conformT) {
	rt.Sleep(0)
	rangefunc_TestCheck_TestCheck(t)
	rt.Sleep(0)
}
