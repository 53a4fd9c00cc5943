// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/src/cmd/compile/internal/rangefunc/rangefunc_test.go (go1.26.8), case TestBreak1BadDefer, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"regexp"
	"slices"
)

type rangefunc_TestBreak1BadDefer_Seq2[T1, T2 any] func(yield func(T1, T2) bool)

// OfSliceIndex returns a Seq2 over the elements of s. It is equivalent
// to range s.
// async
func rangefunc_TestBreak1BadDefer_OfSliceIndex[T any, S ~[]T](s S) rangefunc_TestBreak1BadDefer_Seq2[int, T] {
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

// BadOfSliceIndex is "bad" because it ignores the return value from yield
// and just keeps on iterating.
// async
func rangefunc_TestBreak1BadDefer_BadOfSliceIndex[T any, S ~[]T](s S) rangefunc_TestBreak1BadDefer_Seq2[int, T] {
	rt.Sleep(0)
	return func(yield func(int, T) bool) {
		for i, v := range s {
			yield(i, v)
		}
		return
	}
}

func rangefunc_TestBreak1BadDefer_matchError(r any, x string) bool {
	if r == nil {
		return false
	}
	if x == "" {
		return true
	}
	if p, ok := r.(rangefunc_TestBreak1BadDefer_errorString); ok {
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
type rangefunc_TestBreak1BadDefer_errorString string

// async
func (e rangefunc_TestBreak1BadDefer_errorString) Error() string {
	rt.Sleep(0)
	return string(e)
}

const (
	// RERR_ is for runtime error, and may be regexps/substrings, to simplify use of tests with tools
	rangefunc_TestBreak1BadDefer_RERR_DONE      = "runtime error: range function continued iteration after function for loop body returned false"
	rangefunc_TestBreak1BadDefer_RERR_PANIC     = "runtime error: range function continued iteration after loop body panic"
	rangefunc_TestBreak1BadDefer_RERR_EXHAUSTED = "runtime error: range function continued iteration after whole loop exit"
	rangefunc_TestBreak1BadDefer_RERR_MISSING   = "runtime error: range function recovered a loop body panic and did not resume panicking"

	// CERR_ is for checked errors in the Check combinator defined above, and should be literal strings
	rangefunc_TestBreak1BadDefer_CERR_PFX       = "checked rangefunc error: "
	rangefunc_TestBreak1BadDefer_CERR_DONE      = rangefunc_TestBreak1BadDefer_CERR_PFX + "loop iteration after body done"
	rangefunc_TestBreak1BadDefer_CERR_PANIC     = rangefunc_TestBreak1BadDefer_CERR_PFX + "loop iteration after panic"
	rangefunc_TestBreak1BadDefer_CERR_EXHAUSTED = rangefunc_TestBreak1BadDefer_CERR_PFX + "loop iteration after iterator exit"
	rangefunc_TestBreak1BadDefer_CERR_MISSING   = rangefunc_TestBreak1BadDefer_CERR_PFX + "loop iterator swallowed panic"
)

// testBreak1BadDefer checks that defer behaves properly even in
// the presence of loop bodies panicking out of bad iterators.
// (i.e., the instrumentation did not break defer in these loops)
// async
func rangefunc_TestBreak1BadDefer_testBreak1BadDefer(t *conformT) (result []int) {
	rt.Sleep(0)
	var expect = []int{1, 2, -1, 1, 2, -2, 1, 2, -3, -30, -20, -10}

	rt.Sleep(0)
	defer func() {
		if r := recover(); r != nil {
			if rangefunc_TestBreak1BadDefer_matchError(r, rangefunc_TestBreak1BadDefer_RERR_DONE) {
				t.Logf("Saw expected panic '%v'", r)
			} else {
				t.Errorf("Saw wrong panic '%v'", r)
			}
			if !slices.Equal(expect, result) {
				t.Errorf("(Inner) Expected %v, got %v", expect, result)
			}
		} else {
			t.Error("Wanted to see a failure")
		}
	}()

	rt.Sleep(0)
	for _, x := range rangefunc_TestBreak1BadDefer_BadOfSliceIndex([]int{-1, -2, -3, -4, -5}) {
		rt.Sleep(0)
		if conformAwait(x == -4) {
			rt.Sleep(0)
			break
		}
		rt.Sleep(0)
		defer func() {
			result = append(result, x*10)
		}()
		rt.Sleep(0)
		for _, y := range rangefunc_TestBreak1BadDefer_OfSliceIndex([]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}) {
			rt.Sleep(0)
			if conformAwait(y == 3) {
				rt.Sleep(0)
				break
			}
			rt.Sleep(0)
			result = append(result, y)
			rt.Sleep(0)
		}
		rt.Sleep(0)
		result = append(result, x)
		rt.Sleep(0)
	}
	rt.Sleep(0)
	return
}

// async
func rangefunc_TestBreak1BadDefer_TestBreak1BadDefer(t *conformT) {
	rt.Sleep(0)
	var result []int
	rt.Sleep(0)
	var expect = []int{1, 2, -1, 1, 2, -2, 1, 2, -3, -30, -20, -10}
	rt.Sleep(0)
	result = rangefunc_TestBreak1BadDefer_testBreak1BadDefer(t)
	rt.Sleep(0)
	if conformAwait(!slices.Equal(expect, result)) {
		rt.Sleep(0)
		t.Errorf("(Outer) Expected %v, got %v", expect, result)
		rt.Sleep(0)
	}
}

// async
func rangefunc_TestBreak1BadDefer__run(t *conformT) {
	rt.Sleep(0)
	rangefunc_TestBreak1BadDefer_TestBreak1BadDefer(t)
	rt.Sleep(0)
}
