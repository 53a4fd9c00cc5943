// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/src/cmd/compile/internal/rangefunc/rangefunc_test.go (go1.26.8), case TestReturns, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"regexp"
	"slices"
)

type rangefunc_TestReturns_Seq2[T1, T2 any] func(yield func(T1, T2) bool)

// OfSliceIndex returns a Seq2 over the elements of s. It is equivalent
// to range s.
// async
func rangefunc_TestReturns_OfSliceIndex[T any, S ~[]T](s S) rangefunc_TestReturns_Seq2[int, T] {
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
func rangefunc_TestReturns_BadOfSliceIndex[T any, S ~[]T](s S) rangefunc_TestReturns_Seq2[int, T] {
	rt.Sleep(0)
	return func(yield func(int, T) bool) {
		for i, v := range s {
			yield(i, v)
		}
		return
	}
}

// async
func rangefunc_TestReturns_matchError(r any, x string) bool {
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
	if p, ok := r.(rangefunc_TestReturns_errorString); conformAwait(ok) {
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
type rangefunc_TestReturns_errorString string

// async
func (e rangefunc_TestReturns_errorString) Error() string {
	rt.Sleep(0)
	return string(e)
}

const (
	// RERR_ is for runtime error, and may be regexps/substrings, to simplify use of tests with tools
	rangefunc_TestReturns_RERR_DONE      = "runtime error: range function continued iteration after function for loop body returned false"
	rangefunc_TestReturns_RERR_PANIC     = "runtime error: range function continued iteration after loop body panic"
	rangefunc_TestReturns_RERR_EXHAUSTED = "runtime error: range function continued iteration after whole loop exit"
	rangefunc_TestReturns_RERR_MISSING   = "runtime error: range function recovered a loop body panic and did not resume panicking"

	// CERR_ is for checked errors in the Check combinator defined above, and should be literal strings
	rangefunc_TestReturns_CERR_PFX       = "checked rangefunc error: "
	rangefunc_TestReturns_CERR_DONE      = rangefunc_TestReturns_CERR_PFX + "loop iteration after body done"
	rangefunc_TestReturns_CERR_PANIC     = rangefunc_TestReturns_CERR_PFX + "loop iteration after panic"
	rangefunc_TestReturns_CERR_EXHAUSTED = rangefunc_TestReturns_CERR_PFX + "loop iteration after iterator exit"
	rangefunc_TestReturns_CERR_MISSING   = rangefunc_TestReturns_CERR_PFX + "loop iterator swallowed panic"
)

// testReturn1 has no bad iterators.
// async
func rangefunc_TestReturns_testReturn1(t *conformT) (result []int, err any) {
	rt.Sleep(0)
	defer func() {
		err = recover()
	}()
	rt.Sleep(0)
	for _, x := range rangefunc_TestReturns_OfSliceIndex([]int{-1, -2, -3, -4, -5}) {
		rt.Sleep(0)
		result = append(result, x)
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
		for _, y := range rangefunc_TestReturns_OfSliceIndex([]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}) {
			rt.Sleep(0)
			if conformAwait(y == 3) {
				rt.Sleep(0)
				return
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

// testReturn2 has an outermost bad iterator
// async
func rangefunc_TestReturns_testReturn2(t *conformT) (result []int, err any) {
	rt.Sleep(0)
	defer func() {
		err = recover()
	}()
	rt.Sleep(0)
	for _, x := range rangefunc_TestReturns_BadOfSliceIndex([]int{-1, -2, -3, -4, -5}) {
		rt.Sleep(0)
		result = append(result, x)
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
		for _, y := range rangefunc_TestReturns_OfSliceIndex([]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}) {
			rt.Sleep(0)
			if conformAwait(y == 3) {
				rt.Sleep(0)
				return
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

// testReturn3 has an innermost bad iterator
// async
func rangefunc_TestReturns_testReturn3(t *conformT) (result []int, err any) {
	rt.Sleep(0)
	defer func() {
		err = recover()
	}()
	rt.Sleep(0)
	for _, x := range rangefunc_TestReturns_OfSliceIndex([]int{-1, -2, -3, -4, -5}) {
		rt.Sleep(0)
		result = append(result, x)
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
		for _, y := range rangefunc_TestReturns_BadOfSliceIndex([]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}) {
			rt.Sleep(0)
			if conformAwait(y == 3) {
				rt.Sleep(0)
				return
			}
			rt.Sleep(0)
			result = append(result, y)
			rt.Sleep(0)
		}
	}
	rt.Sleep(0)
	return
}

// testReturn4 has no bad iterators, but exercises  return variable rewriting
// differs from testReturn1 because deferred append to "result" does not change
// the return value in this case.
// async
func rangefunc_TestReturns_testReturn4(t *conformT) (_ []int, _ []int, err any) {
	rt.Sleep(0)
	var result []int
	rt.Sleep(0)
	defer func() {
		err = recover()
	}()
	rt.Sleep(0)
	for _, x := range rangefunc_TestReturns_OfSliceIndex([]int{-1, -2, -3, -4, -5}) {
		rt.Sleep(0)
		result = append(result, x)
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
		for _, y := range rangefunc_TestReturns_OfSliceIndex([]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}) {
			rt.Sleep(0)
			if conformAwait(y == 3) {
				rt.Sleep(0)
				return result, result, nil
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

// TestReturns checks that returns through bad iterators behave properly,
// for inner and outer bad iterators.
// async
func rangefunc_TestReturns_TestReturns(t *conformT) {
	rt.Sleep(0)
	var result []int
	rt.Sleep(0)
	var result2 []int
	rt.Sleep(0)
	var expect = []int{-1, 1, 2, -10}
	rt.Sleep(0)
	var expect2 = []int{-1, 1, 2}
	rt.Sleep(0)
	var err any

	rt.Sleep(0)
	result, err = rangefunc_TestReturns_testReturn1(t)
	rt.Sleep(0)
	if conformAwait(!slices.Equal(expect, result)) {
		rt.Sleep(0)
		t.Errorf("Expected %v, got %v", expect, result)
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(err != nil) {
		rt.Sleep(0)
		t.Errorf("Unexpected error %v", err)
		rt.Sleep(0)
	}

	rt.Sleep(0)
	result, err = rangefunc_TestReturns_testReturn2(t)
	rt.Sleep(0)
	if conformAwait(!slices.Equal(expect, result)) {
		rt.Sleep(0)
		t.Errorf("Expected %v, got %v", expect, result)
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(err == nil) {
		rt.Sleep(0)
		t.Errorf("Missing expected error")
		rt.Sleep(0)
	} else {
		rt.Sleep(0)
		if conformAwait(rangefunc_TestReturns_matchError(err, rangefunc_TestReturns_RERR_DONE)) {
			rt.Sleep(0)
			t.Logf("Saw expected panic '%v'", err)
			rt.Sleep(0)
		} else {
			rt.Sleep(0)
			t.Errorf("Saw wrong panic '%v'", err)
			rt.Sleep(0)
		}
	}

	rt.Sleep(0)
	result, err = rangefunc_TestReturns_testReturn3(t)
	rt.Sleep(0)
	if conformAwait(!slices.Equal(expect, result)) {
		rt.Sleep(0)
		t.Errorf("Expected %v, got %v", expect, result)
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(err == nil) {
		rt.Sleep(0)
		t.Errorf("Missing expected error")
		rt.Sleep(0)
	} else {
		rt.Sleep(0)
		if conformAwait(rangefunc_TestReturns_matchError(err, rangefunc_TestReturns_RERR_DONE)) {
			rt.Sleep(0)
			t.Logf("Saw expected panic '%v'", err)
			rt.Sleep(0)
		} else {
			rt.Sleep(0)
			t.Errorf("Saw wrong panic '%v'", err)
			rt.Sleep(0)
		}
	}

	rt.Sleep(0)
	result, result2, err = rangefunc_TestReturns_testReturn4(t)
	rt.Sleep(0)
	if conformAwait(!slices.Equal(expect2, result)) {
		rt.Sleep(0)
		t.Errorf("Expected %v, got %v", expect2, result)
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(!slices.Equal(expect2, result2)) {
		rt.Sleep(0)
		t.Errorf("Expected %v, got %v", expect2, result2)
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(err != nil) {
		rt.Sleep(0)
		t.Errorf("Unexpected error %v", err)
		rt.Sleep(0)
	}
}

// async
func rangefunc_TestReturns__run(t *conformT) {
	rt.Sleep(0)
	rangefunc_TestReturns_TestReturns(t)
	rt.Sleep(0)
}
