// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/src/cmd/compile/internal/rangefunc/rangefunc_test.go (go1.26.8), case TestCooperativeBadOfSliceIndex, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"regexp"
)

type rangefunc_TestCooperativeBadOfSliceIndex_Seq2[T1, T2 any] func(yield func(T1, T2) bool)

// CooperativeBadOfSliceIndex calls the loop body from a goroutine after
// a ping on a channel, and returns recover()on that same channel.
// async
func rangefunc_TestCooperativeBadOfSliceIndex_CooperativeBadOfSliceIndex[T any, S ~[]T](s S, proceed chan any) rangefunc_TestCooperativeBadOfSliceIndex_Seq2[int, T] {
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

// async
func rangefunc_TestCooperativeBadOfSliceIndex_matchError(r any, x string) bool {
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
	if p, ok := r.(rangefunc_TestCooperativeBadOfSliceIndex_errorString); conformAwait(ok) {
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
type rangefunc_TestCooperativeBadOfSliceIndex_errorString string

// async
func (e rangefunc_TestCooperativeBadOfSliceIndex_errorString) Error() string {
	rt.Sleep(0)
	return string(e)
}

const (
	// RERR_ is for runtime error, and may be regexps/substrings, to simplify use of tests with tools
	rangefunc_TestCooperativeBadOfSliceIndex_RERR_DONE      = "runtime error: range function continued iteration after function for loop body returned false"
	rangefunc_TestCooperativeBadOfSliceIndex_RERR_PANIC     = "runtime error: range function continued iteration after loop body panic"
	rangefunc_TestCooperativeBadOfSliceIndex_RERR_EXHAUSTED = "runtime error: range function continued iteration after whole loop exit"
	rangefunc_TestCooperativeBadOfSliceIndex_RERR_MISSING   = "runtime error: range function recovered a loop body panic and did not resume panicking"

	// CERR_ is for checked errors in the Check combinator defined above, and should be literal strings
	rangefunc_TestCooperativeBadOfSliceIndex_CERR_PFX       = "checked rangefunc error: "
	rangefunc_TestCooperativeBadOfSliceIndex_CERR_DONE      = rangefunc_TestCooperativeBadOfSliceIndex_CERR_PFX + "loop iteration after body done"
	rangefunc_TestCooperativeBadOfSliceIndex_CERR_PANIC     = rangefunc_TestCooperativeBadOfSliceIndex_CERR_PFX + "loop iteration after panic"
	rangefunc_TestCooperativeBadOfSliceIndex_CERR_EXHAUSTED = rangefunc_TestCooperativeBadOfSliceIndex_CERR_PFX + "loop iteration after iterator exit"
	rangefunc_TestCooperativeBadOfSliceIndex_CERR_MISSING   = rangefunc_TestCooperativeBadOfSliceIndex_CERR_PFX + "loop iterator swallowed panic"
)

// async
func rangefunc_TestCooperativeBadOfSliceIndex_TestCooperativeBadOfSliceIndex(t *conformT) {
	rt.Sleep(0)
	i := 0
	rt.Sleep(0)
	proceed := make(chan any)
	rt.Sleep(0)
	for _, x := range rangefunc_TestCooperativeBadOfSliceIndex_CooperativeBadOfSliceIndex([]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, proceed) {
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
		if conformAwait(rangefunc_TestCooperativeBadOfSliceIndex_matchError(r, rangefunc_TestCooperativeBadOfSliceIndex_RERR_EXHAUSTED)) {
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
func rangefunc_TestCooperativeBadOfSliceIndex__run(t *conformT) {
	rt.Sleep(0)
	rangefunc_TestCooperativeBadOfSliceIndex_TestCooperativeBadOfSliceIndex(t)
	rt.Sleep(0)
}
