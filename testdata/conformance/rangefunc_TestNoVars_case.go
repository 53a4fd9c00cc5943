// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/src/cmd/compile/internal/rangefunc/rangefunc_test.go (go1.26.8), case TestNoVars, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type rangefunc_TestNoVars_Seq2[T1, T2 any] func(yield func(T1, T2) bool)

// OfSliceIndex returns a Seq2 over the elements of s. It is equivalent
// to range s.
// async
func rangefunc_TestNoVars_OfSliceIndex[T any, S ~[]T](s S) rangefunc_TestNoVars_Seq2[int, T] {
	rt.Sleep(0)
	return func(yield func(int, T) bool) {
		for i, v := range s {
			if !yield(i, v) {
				return
			}
		}
		return
	}
}

const rangefunc_TestNoVars_DONE = 0

const rangefunc_TestNoVars_READY = 1

const rangefunc_TestNoVars_PANIC = 2

const rangefunc_TestNoVars_EXHAUSTED = 3

const rangefunc_TestNoVars_MISSING_PANIC = 4

// Check2 wraps the function body passed to iterator forall
// in code that ensures that it cannot (successfully) be called
// either after body return false (control flow out of loop) or
// forall itself returns (the iteration is now done).
//
// Note that this can catch errors before the inserted checks.
// async
func rangefunc_TestNoVars_Check2[U, V any](forall rangefunc_TestNoVars_Seq2[U, V]) rangefunc_TestNoVars_Seq2[U, V] {
	rt.Sleep(0)
	return func(body func(U, V) bool) {
		state := rangefunc_TestNoVars_READY
		forall(func(u U, v V) bool {
			tmp := state
			state = rangefunc_TestNoVars_PANIC
			if tmp != rangefunc_TestNoVars_READY {
				panic(rangefunc_TestNoVars_fail[tmp])
			}
			ret := body(u, v)
			if ret {
				state = rangefunc_TestNoVars_READY
			} else {
				state = rangefunc_TestNoVars_DONE
			}
			return ret
		})
		if state == rangefunc_TestNoVars_PANIC {
			panic(rangefunc_TestNoVars_fail[rangefunc_TestNoVars_MISSING_PANIC])
		}
		state = rangefunc_TestNoVars_EXHAUSTED
	}
}

// An errorString represents a runtime error described by a single string.
type rangefunc_TestNoVars_errorString string

// async
func (e rangefunc_TestNoVars_errorString) Error() string {
	rt.Sleep(0)
	return string(e)
}

const (
	// RERR_ is for runtime error, and may be regexps/substrings, to simplify use of tests with tools
	rangefunc_TestNoVars_RERR_DONE      = "runtime error: range function continued iteration after function for loop body returned false"
	rangefunc_TestNoVars_RERR_PANIC     = "runtime error: range function continued iteration after loop body panic"
	rangefunc_TestNoVars_RERR_EXHAUSTED = "runtime error: range function continued iteration after whole loop exit"
	rangefunc_TestNoVars_RERR_MISSING   = "runtime error: range function recovered a loop body panic and did not resume panicking"

	// CERR_ is for checked errors in the Check combinator defined above, and should be literal strings
	rangefunc_TestNoVars_CERR_PFX       = "checked rangefunc error: "
	rangefunc_TestNoVars_CERR_DONE      = rangefunc_TestNoVars_CERR_PFX + "loop iteration after body done"
	rangefunc_TestNoVars_CERR_PANIC     = rangefunc_TestNoVars_CERR_PFX + "loop iteration after panic"
	rangefunc_TestNoVars_CERR_EXHAUSTED = rangefunc_TestNoVars_CERR_PFX + "loop iteration after iterator exit"
	rangefunc_TestNoVars_CERR_MISSING   = rangefunc_TestNoVars_CERR_PFX + "loop iterator swallowed panic"
)

var rangefunc_TestNoVars_fail []error = []error{
	rangefunc_TestNoVars_errorString(rangefunc_TestNoVars_CERR_DONE),
	rangefunc_TestNoVars_errorString(rangefunc_TestNoVars_CERR_PFX + "loop iterator, unexpected error"),
	rangefunc_TestNoVars_errorString(rangefunc_TestNoVars_CERR_PANIC),
	rangefunc_TestNoVars_errorString(rangefunc_TestNoVars_CERR_EXHAUSTED),
	rangefunc_TestNoVars_errorString(rangefunc_TestNoVars_CERR_MISSING),
}

// TestNoVars ensures that versions of rangefunc that use zero or one
// iteration variable (instead of two) run the proper number of times
// and in the one variable case supply the proper values.
// For #65236.
// async
func rangefunc_TestNoVars_TestNoVars(t *conformT) {
	rt.Sleep(0)
	i, k := 0, 0
	rt.Sleep(0)
	for range rangefunc_TestNoVars_Check2(rangefunc_TestNoVars_OfSliceIndex([]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10})) {
		rt.Sleep(0)
		i++
		rt.Sleep(0)
	}
	rt.Sleep(0)
	for j := range rangefunc_TestNoVars_Check2(rangefunc_TestNoVars_OfSliceIndex([]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10})) {
		rt.Sleep(0)
		k += j
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(i != 10) {
		rt.Sleep(0)
		t.Errorf("Expected 10, got %d", i)
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(k != 45) {
		rt.Sleep(0)
		t.Errorf("Expected 45, got %d", k)
		rt.Sleep(0)
	}
}

// async
func rangefunc_TestNoVars__run(t *conformT) {
	rt.Sleep(0)
	rangefunc_TestNoVars_TestNoVars(t)
	rt.Sleep(0)
}
