// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/src/cmd/compile/internal/rangefunc/rangefunc_test.go (go1.26.8), case TestMultiBreak1, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"regexp"
	"slices"
)

type rangefunc_TestMultiBreak1_Seq2[T1, T2 any] func(yield func(T1, T2) bool)

// OfSliceIndex returns a Seq2 over the elements of s. It is equivalent
// to range s.
// async
func rangefunc_TestMultiBreak1_OfSliceIndex[T any, S ~[]T](s S) rangefunc_TestMultiBreak1_Seq2[int, T] {
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
func rangefunc_TestMultiBreak1_BadOfSliceIndex[T any, S ~[]T](s S) rangefunc_TestMultiBreak1_Seq2[int, T] {
	rt.Sleep(0)
	return func(yield func(int, T) bool) {
		for i, v := range s {
			yield(i, v)
		}
		return
	}
}

func rangefunc_TestMultiBreak1_matchError(r any, x string) bool {
	if r == nil {
		return false
	}
	if x == "" {
		return true
	}
	if p, ok := r.(rangefunc_TestMultiBreak1_errorString); ok {
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
type rangefunc_TestMultiBreak1_errorString string

// async
func (e rangefunc_TestMultiBreak1_errorString) Error() string {
	rt.Sleep(0)
	return string(e)
}

const (
	// RERR_ is for runtime error, and may be regexps/substrings, to simplify use of tests with tools
	rangefunc_TestMultiBreak1_RERR_DONE      = "runtime error: range function continued iteration after function for loop body returned false"
	rangefunc_TestMultiBreak1_RERR_PANIC     = "runtime error: range function continued iteration after loop body panic"
	rangefunc_TestMultiBreak1_RERR_EXHAUSTED = "runtime error: range function continued iteration after whole loop exit"
	rangefunc_TestMultiBreak1_RERR_MISSING   = "runtime error: range function recovered a loop body panic and did not resume panicking"

	// CERR_ is for checked errors in the Check combinator defined above, and should be literal strings
	rangefunc_TestMultiBreak1_CERR_PFX       = "checked rangefunc error: "
	rangefunc_TestMultiBreak1_CERR_DONE      = rangefunc_TestMultiBreak1_CERR_PFX + "loop iteration after body done"
	rangefunc_TestMultiBreak1_CERR_PANIC     = rangefunc_TestMultiBreak1_CERR_PFX + "loop iteration after panic"
	rangefunc_TestMultiBreak1_CERR_EXHAUSTED = rangefunc_TestMultiBreak1_CERR_PFX + "loop iteration after iterator exit"
	rangefunc_TestMultiBreak1_CERR_MISSING   = rangefunc_TestMultiBreak1_CERR_PFX + "loop iterator swallowed panic"
)

// TestMultiBreak1 tests multilevel break with a bad iterator
// in an intermediate loop exited by the break.
// async
func rangefunc_TestMultiBreak1_TestMultiBreak1(t *conformT) {
	rt.Sleep(0)
	var result []int
	rt.Sleep(0)
	var expect = []int{1000, 10, 2, 4}
	rt.Sleep(0)
	defer func() {
		if r := recover(); r != nil {
			if rangefunc_TestMultiBreak1_matchError(r, rangefunc_TestMultiBreak1_RERR_DONE) {
				t.Logf("Saw expected panic '%v'", r)
			} else {
				t.Errorf("Saw wrong panic '%v'", r)
			}
			if !slices.Equal(expect, result) {
				t.Errorf("Expected %v, got %v", expect, result)
			}
		} else {
			t.Errorf("Wanted to see a failure, result was %v", result)
		}
	}()

	rt.Sleep(0)
W:
	for _, w := range rangefunc_TestMultiBreak1_OfSliceIndex([]int{1000, 2000}) {
		rt.Sleep(0)
		result = append(result, w)
		rt.Sleep(0)
		if conformAwait(w == 2000) {
			rt.Sleep(0)
			break
		}
		rt.Sleep(0)
		for _, x := range rangefunc_TestMultiBreak1_BadOfSliceIndex([]int{100, 200, 300, 400}) {
			rt.Sleep(0)
			for _, y := range rangefunc_TestMultiBreak1_OfSliceIndex([]int{10, 20, 30, 40}) {
				rt.Sleep(0)
				result = append(result, y)
				rt.Sleep(0)
				for _, z := range rangefunc_TestMultiBreak1_OfSliceIndex([]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}) {
					rt.Sleep(0)
					if conformAwait(z&1 == 1) {
						rt.Sleep(0)
						continue
					}
					rt.Sleep(0)
					result = append(result, z)
					rt.Sleep(0)
					if conformAwait(z >= 4) {
						rt.Sleep(0)
						break W
					}
				}
				rt.Sleep(0)
				result = append(result, -y)
				rt.Sleep(0) // should never be executed
			}
			rt.Sleep(0)
			result = append(result, x)
			rt.Sleep(0)
		}
	}
	rt.Sleep(0)
	if conformAwait(!slices.Equal(expect, result)) {
		rt.Sleep(0)
		t.Errorf("Expected %v, got %v", expect, result)
		rt.Sleep(0)
	}
}

// async
func rangefunc_TestMultiBreak1__run(t *conformT) {
	rt.Sleep(0)
	rangefunc_TestMultiBreak1_TestMultiBreak1(t)
	rt.Sleep(0)
}
