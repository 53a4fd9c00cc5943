// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/src/cmd/compile/internal/rangefunc/rangefunc_test.go (go1.26.8), case TestCooperativeBadOfSliceIndexCheck, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"regexp"
)

type rangefunc_TestCooperativeBadOfSliceIndexCheck_Seq2[T1, T2 any] func(yield func(T1, T2) bool)

// CooperativeBadOfSliceIndex calls the loop body from a goroutine after
// a ping on a channel, and returns recover()on that same channel.
// async
func rangefunc_TestCooperativeBadOfSliceIndexCheck_CooperativeBadOfSliceIndex[T any, S ~[]T](s S, proceed chan any) rangefunc_TestCooperativeBadOfSliceIndexCheck_Seq2[int, T] {
	rt.Sleep(0)
	return func(yield func(int, T) bool) {
		for i, v := range s {
			if !yield(i, v) {
				// if the body breaks, call yield just once in a goroutine
				go func() {
					<-proceed
					defer func() {
						proceed <- recover()
					}()
					yield(0, s[0])
				}()
				return
			}
		}
		return
	}
}

const rangefunc_TestCooperativeBadOfSliceIndexCheck_DONE = 0

const rangefunc_TestCooperativeBadOfSliceIndexCheck_READY = 1

const rangefunc_TestCooperativeBadOfSliceIndexCheck_PANIC = 2

const rangefunc_TestCooperativeBadOfSliceIndexCheck_EXHAUSTED = 3

const rangefunc_TestCooperativeBadOfSliceIndexCheck_MISSING_PANIC = 4

// Check2 wraps the function body passed to iterator forall
// in code that ensures that it cannot (successfully) be called
// either after body return false (control flow out of loop) or
// forall itself returns (the iteration is now done).
//
// Note that this can catch errors before the inserted checks.
// async
func rangefunc_TestCooperativeBadOfSliceIndexCheck_Check2[U, V any](forall rangefunc_TestCooperativeBadOfSliceIndexCheck_Seq2[U, V]) rangefunc_TestCooperativeBadOfSliceIndexCheck_Seq2[U, V] {
	rt.Sleep(0)
	return func(body func(U, V) bool) {
		state := rangefunc_TestCooperativeBadOfSliceIndexCheck_READY
		forall(func(u U, v V) bool {
			tmp := state
			state = rangefunc_TestCooperativeBadOfSliceIndexCheck_PANIC
			if tmp != rangefunc_TestCooperativeBadOfSliceIndexCheck_READY {
				panic(rangefunc_TestCooperativeBadOfSliceIndexCheck_fail[tmp])
			}
			ret := body(u, v)
			if ret {
				state = rangefunc_TestCooperativeBadOfSliceIndexCheck_READY
			} else {
				state = rangefunc_TestCooperativeBadOfSliceIndexCheck_DONE
			}
			return ret
		})
		if state == rangefunc_TestCooperativeBadOfSliceIndexCheck_PANIC {
			panic(rangefunc_TestCooperativeBadOfSliceIndexCheck_fail[rangefunc_TestCooperativeBadOfSliceIndexCheck_MISSING_PANIC])
		}
		state = rangefunc_TestCooperativeBadOfSliceIndexCheck_EXHAUSTED
	}
}

// async
func rangefunc_TestCooperativeBadOfSliceIndexCheck_matchError(r any, x string) bool {
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
	if p, ok := r.(rangefunc_TestCooperativeBadOfSliceIndexCheck_errorString); conformAwait(ok) {
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
type rangefunc_TestCooperativeBadOfSliceIndexCheck_errorString string

// async
func (e rangefunc_TestCooperativeBadOfSliceIndexCheck_errorString) Error() string {
	rt.Sleep(0)
	return string(e)
}

const (
	// RERR_ is for runtime error, and may be regexps/substrings, to simplify use of tests with tools
	rangefunc_TestCooperativeBadOfSliceIndexCheck_RERR_DONE      = "runtime error: range function continued iteration after function for loop body returned false"
	rangefunc_TestCooperativeBadOfSliceIndexCheck_RERR_PANIC     = "runtime error: range function continued iteration after loop body panic"
	rangefunc_TestCooperativeBadOfSliceIndexCheck_RERR_EXHAUSTED = "runtime error: range function continued iteration after whole loop exit"
	rangefunc_TestCooperativeBadOfSliceIndexCheck_RERR_MISSING   = "runtime error: range function recovered a loop body panic and did not resume panicking"

	// CERR_ is for checked errors in the Check combinator defined above, and should be literal strings
	rangefunc_TestCooperativeBadOfSliceIndexCheck_CERR_PFX       = "checked rangefunc error: "
	rangefunc_TestCooperativeBadOfSliceIndexCheck_CERR_DONE      = rangefunc_TestCooperativeBadOfSliceIndexCheck_CERR_PFX + "loop iteration after body done"
	rangefunc_TestCooperativeBadOfSliceIndexCheck_CERR_PANIC     = rangefunc_TestCooperativeBadOfSliceIndexCheck_CERR_PFX + "loop iteration after panic"
	rangefunc_TestCooperativeBadOfSliceIndexCheck_CERR_EXHAUSTED = rangefunc_TestCooperativeBadOfSliceIndexCheck_CERR_PFX + "loop iteration after iterator exit"
	rangefunc_TestCooperativeBadOfSliceIndexCheck_CERR_MISSING   = rangefunc_TestCooperativeBadOfSliceIndexCheck_CERR_PFX + "loop iterator swallowed panic"
)

var rangefunc_TestCooperativeBadOfSliceIndexCheck_fail []error = []error{
	rangefunc_TestCooperativeBadOfSliceIndexCheck_errorString(rangefunc_TestCooperativeBadOfSliceIndexCheck_CERR_DONE),
	rangefunc_TestCooperativeBadOfSliceIndexCheck_errorString(rangefunc_TestCooperativeBadOfSliceIndexCheck_CERR_PFX + "loop iterator, unexpected error"),
	rangefunc_TestCooperativeBadOfSliceIndexCheck_errorString(rangefunc_TestCooperativeBadOfSliceIndexCheck_CERR_PANIC),
	rangefunc_TestCooperativeBadOfSliceIndexCheck_errorString(rangefunc_TestCooperativeBadOfSliceIndexCheck_CERR_EXHAUSTED),
	rangefunc_TestCooperativeBadOfSliceIndexCheck_errorString(rangefunc_TestCooperativeBadOfSliceIndexCheck_CERR_MISSING),
}

// async
func rangefunc_TestCooperativeBadOfSliceIndexCheck_TestCooperativeBadOfSliceIndexCheck(t *conformT) {
	rt.Sleep(0)
	i := 0
	rt.Sleep(0)
	proceed := make(chan any)
	rt.Sleep(0)
	for _, x := range rangefunc_TestCooperativeBadOfSliceIndexCheck_Check2(rangefunc_TestCooperativeBadOfSliceIndexCheck_CooperativeBadOfSliceIndex([]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, proceed)) {
		rt.Sleep(0)
		i += x
		rt.Sleep(0)
		if conformAwait(i >= 36) {
			rt.Sleep(0)
			break
		}
	}
	rt.Sleep(0)
	proceed <- true
	rt.Sleep(0)
	if r := <-proceed; conformAwait(r != nil) {
		rt.Sleep(0)
		if conformAwait(rangefunc_TestCooperativeBadOfSliceIndexCheck_matchError(r, rangefunc_TestCooperativeBadOfSliceIndexCheck_CERR_EXHAUSTED)) {
			rt.Sleep(0)
			t.Logf("Saw expected panic '%v'", r)
			rt.Sleep(0)
		} else {
			rt.Sleep(0)
			t.Errorf("Saw wrong panic '%v'", r)
			rt.Sleep(0)
		}

	} else {
		rt.Sleep(0)
		t.Error("Wanted to see a failure")
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(i != 36) {
		rt.Sleep(0)
		t.Errorf("Expected i == 36, saw %d instead", i)
		rt.Sleep(0)
	} else {
		rt.Sleep(0)
		t.Logf("i = %d", i)
		rt.Sleep(0)
	}
}

// async
func rangefunc_TestCooperativeBadOfSliceIndexCheck__run(t *conformT) {
	rt.Sleep(0)
	rangefunc_TestCooperativeBadOfSliceIndexCheck_TestCooperativeBadOfSliceIndexCheck(t)
	rt.Sleep(0)
}
