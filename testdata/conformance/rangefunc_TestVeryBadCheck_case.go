// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/src/cmd/compile/internal/rangefunc/rangefunc_test.go (go1.26.8), case TestVeryBadCheck, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"regexp"
	"slices"
)

type rangefunc_TestVeryBadCheck_Seq2[T1, T2 any] func(yield func(T1, T2) bool)

// OfSliceIndex returns a Seq2 over the elements of s. It is equivalent
// to range s.
// async
func rangefunc_TestVeryBadCheck_OfSliceIndex[T any, S ~[]T](s S) rangefunc_TestVeryBadCheck_Seq2[int, T] {
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

// VeryBadOfSliceIndex is "very bad" because it ignores the return value from yield
// and just keeps on iterating, and also wraps that call in a defer-recover so it can
// keep on trying after the first panic.
// async
func rangefunc_TestVeryBadCheck_VeryBadOfSliceIndex[T any, S ~[]T](s S) rangefunc_TestVeryBadCheck_Seq2[int, T] {
	rt.Sleep(0)
	return func(yield func(int, T) bool) {
		for i, v := range s {
			func() {
				defer func() {
					recover()
				}()
				yield(i, v)
			}()
		}
		return
	}
}

const rangefunc_TestVeryBadCheck_DONE = 0

const rangefunc_TestVeryBadCheck_READY = 1

const rangefunc_TestVeryBadCheck_PANIC = 2

const rangefunc_TestVeryBadCheck_EXHAUSTED = 3

const rangefunc_TestVeryBadCheck_MISSING_PANIC = 4

// Check2 wraps the function body passed to iterator forall
// in code that ensures that it cannot (successfully) be called
// either after body return false (control flow out of loop) or
// forall itself returns (the iteration is now done).
//
// Note that this can catch errors before the inserted checks.
// async
func rangefunc_TestVeryBadCheck_Check2[U, V any](forall rangefunc_TestVeryBadCheck_Seq2[U, V]) rangefunc_TestVeryBadCheck_Seq2[U, V] {
	rt.Sleep(0)
	return func(body func(U, V) bool) {
		state := rangefunc_TestVeryBadCheck_READY
		forall(func(u U, v V) bool {
			tmp := state
			state = rangefunc_TestVeryBadCheck_PANIC
			if tmp != rangefunc_TestVeryBadCheck_READY {
				panic(rangefunc_TestVeryBadCheck_fail[tmp])
			}
			ret := body(u, v)
			if ret {
				state = rangefunc_TestVeryBadCheck_READY
			} else {
				state = rangefunc_TestVeryBadCheck_DONE
			}
			return ret
		})
		if state == rangefunc_TestVeryBadCheck_PANIC {
			panic(rangefunc_TestVeryBadCheck_fail[rangefunc_TestVeryBadCheck_MISSING_PANIC])
		}
		state = rangefunc_TestVeryBadCheck_EXHAUSTED
	}
}

// async
func rangefunc_TestVeryBadCheck_matchError(r any, x string) bool {
	rt.Sleep(0)
	if conformAwait(r == nil) {
		rt.Sleep(0)
		return false
	}
	rt.Sleep(0)
	if conformAwait(x == "") {
		rt.Sleep(0)
		return true
	}
	rt.Sleep(0)
	if p, ok := r.(rangefunc_TestVeryBadCheck_errorString); conformAwait(ok) {
		rt.Sleep(0)
		return p.Error() == x
	}
	rt.Sleep(0)
	if p, ok := r.(error); conformAwait(ok) {
		rt.Sleep(0)
		e, err := regexp.Compile(x)
		rt.Sleep(0)
		if conformAwait(err != nil) {
			rt.Sleep(0)
			panic(fmt.Errorf("Bad regexp '%s' passed to matchError", x))
		}
		rt.Sleep(0)
		return e.MatchString(p.Error())
	}
	rt.Sleep(0)
	return false
}

// An errorString represents a runtime error described by a single string.
type rangefunc_TestVeryBadCheck_errorString string

// async
func (e rangefunc_TestVeryBadCheck_errorString) Error() string {
	rt.Sleep(0)
	return string(e)
}

const (
	// RERR_ is for runtime error, and may be regexps/substrings, to simplify use of tests with tools
	rangefunc_TestVeryBadCheck_RERR_DONE      = "runtime error: range function continued iteration after function for loop body returned false"
	rangefunc_TestVeryBadCheck_RERR_PANIC     = "runtime error: range function continued iteration after loop body panic"
	rangefunc_TestVeryBadCheck_RERR_EXHAUSTED = "runtime error: range function continued iteration after whole loop exit"
	rangefunc_TestVeryBadCheck_RERR_MISSING   = "runtime error: range function recovered a loop body panic and did not resume panicking"

	// CERR_ is for checked errors in the Check combinator defined above, and should be literal strings
	rangefunc_TestVeryBadCheck_CERR_PFX       = "checked rangefunc error: "
	rangefunc_TestVeryBadCheck_CERR_DONE      = rangefunc_TestVeryBadCheck_CERR_PFX + "loop iteration after body done"
	rangefunc_TestVeryBadCheck_CERR_PANIC     = rangefunc_TestVeryBadCheck_CERR_PFX + "loop iteration after panic"
	rangefunc_TestVeryBadCheck_CERR_EXHAUSTED = rangefunc_TestVeryBadCheck_CERR_PFX + "loop iteration after iterator exit"
	rangefunc_TestVeryBadCheck_CERR_MISSING   = rangefunc_TestVeryBadCheck_CERR_PFX + "loop iterator swallowed panic"
)

var rangefunc_TestVeryBadCheck_fail []error = []error{
	rangefunc_TestVeryBadCheck_errorString(rangefunc_TestVeryBadCheck_CERR_DONE),
	rangefunc_TestVeryBadCheck_errorString(rangefunc_TestVeryBadCheck_CERR_PFX + "loop iterator, unexpected error"),
	rangefunc_TestVeryBadCheck_errorString(rangefunc_TestVeryBadCheck_CERR_PANIC),
	rangefunc_TestVeryBadCheck_errorString(rangefunc_TestVeryBadCheck_CERR_EXHAUSTED),
	rangefunc_TestVeryBadCheck_errorString(rangefunc_TestVeryBadCheck_CERR_MISSING),
}

// veryBadCheck wraps a "very bad" iterator with Check,
// demonstrating that the very bad iterator also hides panics
// thrown by Check.
// async
func rangefunc_TestVeryBadCheck_veryBadCheck(s []int) []int {
	rt.Sleep(0)
	var result []int
	rt.Sleep(0)
X:
	for _, x := range rangefunc_TestVeryBadCheck_OfSliceIndex([]int{1, 2, 3}) {

		rt.Sleep(0)
		result = append(result, x)

		rt.Sleep(0)
		for _, y := range rangefunc_TestVeryBadCheck_Check2(rangefunc_TestVeryBadCheck_VeryBadOfSliceIndex(s)) {
			rt.Sleep(0)
			result = append(result, y)
			rt.Sleep(0)
			break X
		}
		rt.Sleep(0)
		for _, z := range rangefunc_TestVeryBadCheck_OfSliceIndex([]int{100, 200, 300}) {
			rt.Sleep(0)
			result = append(result, z)
			rt.Sleep(0)
			if conformAwait(z == 100) {
				rt.Sleep(0)
				break
			}
		}
	}
	rt.Sleep(0)
	return result
}

func rangefunc_TestVeryBadCheck_expectPanic(t *conformT, r any, s string) {
	if rangefunc_TestVeryBadCheck_matchError(r, s) {
		t.Logf("Saw expected panic '%v'", r)
	} else {
		t.Errorf("Saw wrong panic '%v'", r)
	}
}

// TestVeryBadCheck checks the behavior of an extremely poorly behaved iterator,
// which also suppresses the exceptions from "Check"
// async
func rangefunc_TestVeryBadCheck_TestVeryBadCheck(t *conformT) {
	rt.Sleep(0)
	expect := []int{}
	rt.Sleep(0)
	var result []int
	rt.Sleep(0)
	defer func() {
		if r := recover(); r != nil {
			rangefunc_TestVeryBadCheck_expectPanic(t, r, rangefunc_TestVeryBadCheck_CERR_MISSING)
		}
		if !slices.Equal(expect, result) {
			t.Errorf("Expected %v, got %v", expect, result)
		}
	}()

	rt.Sleep(0)
	result = rangefunc_TestVeryBadCheck_veryBadCheck([]int{10, 20, 30, 40})
	rt.Sleep(0) // even length

}

// async
func rangefunc_TestVeryBadCheck__run(t *conformT) {
	rt.Sleep(0)
	rangefunc_TestVeryBadCheck_TestVeryBadCheck(t)
	rt.Sleep(0)
}
