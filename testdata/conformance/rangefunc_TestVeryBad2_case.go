// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/src/cmd/compile/internal/rangefunc/rangefunc_test.go (go1.26.8), case TestVeryBad2, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"regexp"
	"slices"
)

type rangefunc_TestVeryBad2_Seq2[T1, T2 any] func(yield func(T1, T2) bool)

// OfSliceIndex returns a Seq2 over the elements of s. It is equivalent
// to range s.
// async
func rangefunc_TestVeryBad2_OfSliceIndex[T any, S ~[]T](s S) rangefunc_TestVeryBad2_Seq2[int, T] {
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
func rangefunc_TestVeryBad2_VeryBadOfSliceIndex[T any, S ~[]T](s S) rangefunc_TestVeryBad2_Seq2[int, T] {
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

// async
func rangefunc_TestVeryBad2_matchError(r any, x string) bool {
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
	if p, ok := r.(rangefunc_TestVeryBad2_errorString); conformAwait(ok) {
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
type rangefunc_TestVeryBad2_errorString string

// async
func (e rangefunc_TestVeryBad2_errorString) Error() string {
	rt.Sleep(0)
	return string(e)
}

const (
	// RERR_ is for runtime error, and may be regexps/substrings, to simplify use of tests with tools
	rangefunc_TestVeryBad2_RERR_DONE      = "runtime error: range function continued iteration after function for loop body returned false"
	rangefunc_TestVeryBad2_RERR_PANIC     = "runtime error: range function continued iteration after loop body panic"
	rangefunc_TestVeryBad2_RERR_EXHAUSTED = "runtime error: range function continued iteration after whole loop exit"
	rangefunc_TestVeryBad2_RERR_MISSING   = "runtime error: range function recovered a loop body panic and did not resume panicking"

	// CERR_ is for checked errors in the Check combinator defined above, and should be literal strings
	rangefunc_TestVeryBad2_CERR_PFX       = "checked rangefunc error: "
	rangefunc_TestVeryBad2_CERR_DONE      = rangefunc_TestVeryBad2_CERR_PFX + "loop iteration after body done"
	rangefunc_TestVeryBad2_CERR_PANIC     = rangefunc_TestVeryBad2_CERR_PFX + "loop iteration after panic"
	rangefunc_TestVeryBad2_CERR_EXHAUSTED = rangefunc_TestVeryBad2_CERR_PFX + "loop iteration after iterator exit"
	rangefunc_TestVeryBad2_CERR_MISSING   = rangefunc_TestVeryBad2_CERR_PFX + "loop iterator swallowed panic"
)

// veryBad tests that a loop nest behaves sensibly in the face of a
// "very bad" iterator.  In this case, "sensibly" means that the
// break out of X still occurs after the very bad iterator finally
// quits running (the control flow bread crumbs remain.)
// async
func rangefunc_TestVeryBad2_veryBad(s []int) []int {
	rt.Sleep(0)
	var result []int
	rt.Sleep(0)
X:
	for _, x := range rangefunc_TestVeryBad2_OfSliceIndex([]int{1, 2, 3}) {

		rt.Sleep(0)
		result = append(result, x)

		rt.Sleep(0)
		for _, y := range rangefunc_TestVeryBad2_VeryBadOfSliceIndex(s) {
			rt.Sleep(0)
			result = append(result, y)
			rt.Sleep(0)
			break X
		}
		rt.Sleep(0)
		for _, z := range rangefunc_TestVeryBad2_OfSliceIndex([]int{100, 200, 300}) {
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

func rangefunc_TestVeryBad2_expectPanic(t *conformT, r any, s string) {
	if rangefunc_TestVeryBad2_matchError(r, s) {
		t.Logf("Saw expected panic '%v'", r)
	} else {
		t.Errorf("Saw wrong panic '%v'", r)
	}
}

// TestVeryBad2 checks the behavior of an extremely poorly behaved iterator.
// async
func rangefunc_TestVeryBad2_TestVeryBad2(t *conformT) {
	rt.Sleep(0)
	result := []int{}
	rt.Sleep(0)
	expect := []int{}

	rt.Sleep(0)
	defer func() {
		if r := recover(); r != nil {
			rangefunc_TestVeryBad2_expectPanic(t, r, rangefunc_TestVeryBad2_RERR_MISSING)
			if !slices.Equal(expect, result) {
				t.Errorf("(Inner) Expected %v, got %v", expect, result)
			}
		} else {
			t.Error("Wanted to see a failure")
		}
	}()

	rt.Sleep(0)
	result = rangefunc_TestVeryBad2_veryBad([]int{10, 20, 30, 40})
	rt.Sleep(0) // even length

}

// async
func rangefunc_TestVeryBad2__run(t *conformT) {
	rt.Sleep(0)
	rangefunc_TestVeryBad2_TestVeryBad2(t)
	rt.Sleep(0)
}
