// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/src/cmd/compile/internal/rangefunc/rangefunc_test.go (go1.26.8), case TestPanickyIterator3Check, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"regexp"
	"slices"
)

type rangefunc_TestPanickyIterator3Check_Seq2[T1, T2 any] func(yield func(T1, T2) bool)

// OfSliceIndex returns a Seq2 over the elements of s. It is equivalent
// to range s.
// async
func rangefunc_TestPanickyIterator3Check_OfSliceIndex[T any, S ~[]T](s S) rangefunc_TestPanickyIterator3Check_Seq2[int, T] {
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
func rangefunc_TestPanickyIterator3Check_VeryBadOfSliceIndex[T any, S ~[]T](s S) rangefunc_TestPanickyIterator3Check_Seq2[int, T] {
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

const rangefunc_TestPanickyIterator3Check_DONE = 0

const rangefunc_TestPanickyIterator3Check_READY = 1

const rangefunc_TestPanickyIterator3Check_PANIC = 2

const rangefunc_TestPanickyIterator3Check_EXHAUSTED = 3

const rangefunc_TestPanickyIterator3Check_MISSING_PANIC = 4

// Check2 wraps the function body passed to iterator forall
// in code that ensures that it cannot (successfully) be called
// either after body return false (control flow out of loop) or
// forall itself returns (the iteration is now done).
//
// Note that this can catch errors before the inserted checks.
// async
func rangefunc_TestPanickyIterator3Check_Check2[U, V any](forall rangefunc_TestPanickyIterator3Check_Seq2[U, V]) rangefunc_TestPanickyIterator3Check_Seq2[U, V] {
	rt.Sleep(0)
	return func(body func(U, V) bool) {
		state := rangefunc_TestPanickyIterator3Check_READY
		forall(func(u U, v V) bool {
			tmp := state
			state = rangefunc_TestPanickyIterator3Check_PANIC
			if tmp != rangefunc_TestPanickyIterator3Check_READY {
				panic(rangefunc_TestPanickyIterator3Check_fail[tmp])
			}
			ret := body(u, v)
			if ret {
				state = rangefunc_TestPanickyIterator3Check_READY
			} else {
				state = rangefunc_TestPanickyIterator3Check_DONE
			}
			return ret
		})
		if state == rangefunc_TestPanickyIterator3Check_PANIC {
			panic(rangefunc_TestPanickyIterator3Check_fail[rangefunc_TestPanickyIterator3Check_MISSING_PANIC])
		}
		state = rangefunc_TestPanickyIterator3Check_EXHAUSTED
	}
}

func rangefunc_TestPanickyIterator3Check_matchError(r any, x string) bool {
	if r == nil {
		return false
	}
	if x == "" {
		return true
	}
	if p, ok := r.(rangefunc_TestPanickyIterator3Check_errorString); ok {
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
type rangefunc_TestPanickyIterator3Check_errorString string

// async
func (e rangefunc_TestPanickyIterator3Check_errorString) Error() string {
	rt.Sleep(0)
	return string(e)
}

const (
	// RERR_ is for runtime error, and may be regexps/substrings, to simplify use of tests with tools
	rangefunc_TestPanickyIterator3Check_RERR_DONE      = "runtime error: range function continued iteration after function for loop body returned false"
	rangefunc_TestPanickyIterator3Check_RERR_PANIC     = "runtime error: range function continued iteration after loop body panic"
	rangefunc_TestPanickyIterator3Check_RERR_EXHAUSTED = "runtime error: range function continued iteration after whole loop exit"
	rangefunc_TestPanickyIterator3Check_RERR_MISSING   = "runtime error: range function recovered a loop body panic and did not resume panicking"

	// CERR_ is for checked errors in the Check combinator defined above, and should be literal strings
	rangefunc_TestPanickyIterator3Check_CERR_PFX       = "checked rangefunc error: "
	rangefunc_TestPanickyIterator3Check_CERR_DONE      = rangefunc_TestPanickyIterator3Check_CERR_PFX + "loop iteration after body done"
	rangefunc_TestPanickyIterator3Check_CERR_PANIC     = rangefunc_TestPanickyIterator3Check_CERR_PFX + "loop iteration after panic"
	rangefunc_TestPanickyIterator3Check_CERR_EXHAUSTED = rangefunc_TestPanickyIterator3Check_CERR_PFX + "loop iteration after iterator exit"
	rangefunc_TestPanickyIterator3Check_CERR_MISSING   = rangefunc_TestPanickyIterator3Check_CERR_PFX + "loop iterator swallowed panic"
)

var rangefunc_TestPanickyIterator3Check_fail []error = []error{
	rangefunc_TestPanickyIterator3Check_errorString(rangefunc_TestPanickyIterator3Check_CERR_DONE),
	rangefunc_TestPanickyIterator3Check_errorString(rangefunc_TestPanickyIterator3Check_CERR_PFX + "loop iterator, unexpected error"),
	rangefunc_TestPanickyIterator3Check_errorString(rangefunc_TestPanickyIterator3Check_CERR_PANIC),
	rangefunc_TestPanickyIterator3Check_errorString(rangefunc_TestPanickyIterator3Check_CERR_EXHAUSTED),
	rangefunc_TestPanickyIterator3Check_errorString(rangefunc_TestPanickyIterator3Check_CERR_MISSING),
}

// async
func rangefunc_TestPanickyIterator3Check_TestPanickyIterator3Check(t *conformT) {
	rt.Sleep(0)
	var result []int
	rt.Sleep(0)
	var expect = []int{100, 10, 1, 2}
	rt.Sleep(0)
	defer func() {
		if r := recover(); r != nil {
			if rangefunc_TestPanickyIterator3Check_matchError(r, rangefunc_TestPanickyIterator3Check_CERR_MISSING) {
				t.Logf("Saw expected panic '%v'", r)
			} else {
				t.Errorf("Saw wrong panic '%v'", r)
			}
			if !slices.Equal(expect, result) {
				t.Errorf("Expected %v, got %v", expect, result)
			}
		} else {
			t.Errorf("Wanted to see a panic, result was %v", result)
		}
	}()
	rt.Sleep(0)
	for _, x := range rangefunc_TestPanickyIterator3Check_Check2(rangefunc_TestPanickyIterator3Check_OfSliceIndex([]int{100, 200})) {
		rt.Sleep(0)
		result = append(result, x)
		rt.Sleep(0)
	Y:
		// swallows panics and iterates to end BUT `break Y` disables the body, so--> 10, 1, 2
		for _, y := range rangefunc_TestPanickyIterator3Check_Check2(rangefunc_TestPanickyIterator3Check_VeryBadOfSliceIndex([]int{10, 20})) {
			rt.Sleep(0)
			result = append(result, y)

			rt.Sleep(0)
			for k, z := range rangefunc_TestPanickyIterator3Check_Check2(rangefunc_TestPanickyIterator3Check_OfSliceIndex([]int{1, 2})) { // iterator does not panic
				rt.Sleep(0)
				result = append(result, z)
				rt.Sleep(0)
				if conformAwait(k == 1) {
					rt.Sleep(0)
					break Y
				}
			}
		}
	}
}

// async
func rangefunc_TestPanickyIterator3Check__run(t *conformT) {
	rt.Sleep(0)
	rangefunc_TestPanickyIterator3Check_TestPanickyIterator3Check(t)
	rt.Sleep(0)
}
