// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/src/cmd/compile/internal/rangefunc/rangefunc_test.go (go1.26.8), case TestGotoB, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"regexp"
	"slices"
)

type rangefunc_TestGotoB_Seq2[T1, T2 any] func(yield func(T1, T2) bool)

// OfSliceIndex returns a Seq2 over the elements of s. It is equivalent
// to range s.
// async
func rangefunc_TestGotoB_OfSliceIndex[T any, S ~[]T](s S) rangefunc_TestGotoB_Seq2[int, T] {
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
func rangefunc_TestGotoB_BadOfSliceIndex[T any, S ~[]T](s S) rangefunc_TestGotoB_Seq2[int, T] {
	rt.Sleep(0)
	return func(yield func(int, T) bool) {
		for i, v := range s {
			yield(i, v)
		}
		return
	}
}

// async
func rangefunc_TestGotoB_matchError(r any, x string) bool {
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
	if p, ok := r.(rangefunc_TestGotoB_errorString); conformAwait(ok) {
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

// async
func rangefunc_TestGotoB_matchErrorHelper(t *conformT, r any, x string) {
	rt.Sleep(0)
	if conformAwait(rangefunc_TestGotoB_matchError(r, x)) {
		rt.Sleep(0)
		t.Logf("Saw expected panic '%v'", r)
		rt.Sleep(0)
	} else {
		rt.Sleep(0)
		t.Errorf("Saw wrong panic '%v', expected '%s'", r, x)
		rt.Sleep(0)
	}
}

// An errorString represents a runtime error described by a single string.
type rangefunc_TestGotoB_errorString string

// async
func (e rangefunc_TestGotoB_errorString) Error() string {
	rt.Sleep(0)
	return string(e)
}

const (
	// RERR_ is for runtime error, and may be regexps/substrings, to simplify use of tests with tools
	rangefunc_TestGotoB_RERR_DONE      = "runtime error: range function continued iteration after function for loop body returned false"
	rangefunc_TestGotoB_RERR_PANIC     = "runtime error: range function continued iteration after loop body panic"
	rangefunc_TestGotoB_RERR_EXHAUSTED = "runtime error: range function continued iteration after whole loop exit"
	rangefunc_TestGotoB_RERR_MISSING   = "runtime error: range function recovered a loop body panic and did not resume panicking"

	// CERR_ is for checked errors in the Check combinator defined above, and should be literal strings
	rangefunc_TestGotoB_CERR_PFX       = "checked rangefunc error: "
	rangefunc_TestGotoB_CERR_DONE      = rangefunc_TestGotoB_CERR_PFX + "loop iteration after body done"
	rangefunc_TestGotoB_CERR_PANIC     = rangefunc_TestGotoB_CERR_PFX + "loop iteration after panic"
	rangefunc_TestGotoB_CERR_EXHAUSTED = rangefunc_TestGotoB_CERR_PFX + "loop iteration after iterator exit"
	rangefunc_TestGotoB_CERR_MISSING   = rangefunc_TestGotoB_CERR_PFX + "loop iterator swallowed panic"
)

// testGotoB1 tests loop-nest-exiting goto, no bad iterators.
// async
func rangefunc_TestGotoB_testGotoB1(t *conformT) (result []int, err any) {
	rt.Sleep(0)
	defer func() {
		err = recover()
	}()
	rt.Sleep(0)
	for _, x := range rangefunc_TestGotoB_OfSliceIndex([]int{-1, -2, -3, -4, -5}) {
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
		for _, y := range rangefunc_TestGotoB_OfSliceIndex([]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}) {
			rt.Sleep(0)
			if conformAwait(y == 3) {
				rt.Sleep(0)
				goto B
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
B:
	result = append(result, 999)
	rt.Sleep(0)
	return
}

// testGotoB2 tests loop-nest-exiting goto, outer bad iterator.
// async
func rangefunc_TestGotoB_testGotoB2(t *conformT) (result []int, err any) {
	rt.Sleep(0)
	defer func() {
		err = recover()
	}()
	rt.Sleep(0)
	for _, x := range rangefunc_TestGotoB_BadOfSliceIndex([]int{-1, -2, -3, -4, -5}) {
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
		for _, y := range rangefunc_TestGotoB_OfSliceIndex([]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}) {
			rt.Sleep(0)
			if conformAwait(y == 3) {
				rt.Sleep(0)
				goto B
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
B:
	result = append(result, 999)
	rt.Sleep(0)
	return
}

// testGotoB3 tests loop-nest-exiting goto, inner bad iterator.
// async
func rangefunc_TestGotoB_testGotoB3(t *conformT) (result []int, err any) {
	rt.Sleep(0)
	defer func() {
		err = recover()
	}()
	rt.Sleep(0)
	for _, x := range rangefunc_TestGotoB_OfSliceIndex([]int{-1, -2, -3, -4, -5}) {
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
		for _, y := range rangefunc_TestGotoB_BadOfSliceIndex([]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}) {
			rt.Sleep(0)
			if conformAwait(y == 3) {
				rt.Sleep(0)
				goto B
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
B:
	result = append(result, 999)
	rt.Sleep(0)
	return
}

// async
func rangefunc_TestGotoB_TestGotoB(t *conformT) {
	rt.Sleep(0)
	var result []int
	rt.Sleep(0)
	var expect = []int{-1, 1, 2, 999, -10}
	rt.Sleep(0)
	var expectX = []int{-1, 1, 2, -10}
	rt.Sleep(0)
	var err any

	rt.Sleep(0)
	result, err = rangefunc_TestGotoB_testGotoB1(t)
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
	result, err = rangefunc_TestGotoB_testGotoB2(t)
	rt.Sleep(0)
	if conformAwait(!slices.Equal(expectX, result)) {
		rt.Sleep(0)
		t.Errorf("Expected %v, got %v", expectX, result)
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(err == nil) {
		rt.Sleep(0)
		t.Errorf("Missing expected error")
		rt.Sleep(0)
	} else {
		rt.Sleep(0)
		if conformAwait(rangefunc_TestGotoB_matchError(err, rangefunc_TestGotoB_RERR_DONE)) {
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
	result, err = rangefunc_TestGotoB_testGotoB3(t)
	rt.Sleep(0)
	if conformAwait(!slices.Equal(expectX, result)) {
		rt.Sleep(0)
		t.Errorf("Expected %v, got %v", expectX, result)
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(err == nil) {
		rt.Sleep(0)
		t.Errorf("Missing expected error")
		rt.Sleep(0)
	} else {
		rt.Sleep(0)
		rangefunc_TestGotoB_matchErrorHelper(t, err, rangefunc_TestGotoB_RERR_DONE)
		rt.Sleep(0)
	}
}

// async
func rangefunc_TestGotoB__run(t *conformT) {
	rt.Sleep(0)
	rangefunc_TestGotoB_TestGotoB(t)
	rt.Sleep(0)
}
