// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/src/cmd/compile/internal/rangefunc/rangefunc_test.go (go1.26.8), case TestTrickyIterZeroCheck, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"regexp"
)

type rangefunc_TestTrickyIterZeroCheck_Seq2[T1, T2 any] func(yield func(T1, T2) bool)

// TrickyIterator is a type intended to test whether an iterator that
// calls a yield function after loop exit must inevitably escape the
// closure; this might be relevant to future checking/optimization.
type rangefunc_TestTrickyIterZeroCheck_TrickyIterator struct {
	yield func(int, int) bool
}

// async
func (ti *rangefunc_TestTrickyIterZeroCheck_TrickyIterator) iterEcho(s []int) rangefunc_TestTrickyIterZeroCheck_Seq2[int, int] {
	rt.Sleep(0)
	return func(yield func(int, int) bool) {
		for i, v := range s {
			if !yield(i, v) {
				ti.yield = yield
				return
			}
			if ti.yield != nil && !ti.yield(i, v) {
				return
			}
		}
		ti.yield = yield
		return
	}
}

// async
func (ti *rangefunc_TestTrickyIterZeroCheck_TrickyIterator) iterAll(s []int) rangefunc_TestTrickyIterZeroCheck_Seq2[int, int] {
	rt.Sleep(0)
	return func(yield func(int, int) bool) {
		ti.yield = yield // Save yield for future abuse
		for i, v := range s {
			if !yield(i, v) {
				return
			}
		}
		return
	}
}

// async
func (ti *rangefunc_TestTrickyIterZeroCheck_TrickyIterator) iterOne(s []int) rangefunc_TestTrickyIterZeroCheck_Seq2[int, int] {
	rt.Sleep(0)
	return func(yield func(int, int) bool) {
		ti.yield = yield // Save yield for future abuse
		if len(s) > 0 {  // Not in a loop might escape differently
			yield(0, s[0])
		}
		return
	}
}

// async
func (ti *rangefunc_TestTrickyIterZeroCheck_TrickyIterator) iterZero(s []int) rangefunc_TestTrickyIterZeroCheck_Seq2[int, int] {
	rt.Sleep(0)
	return func(yield func(int, int) bool) {
		ti.yield = yield // Save yield for future abuse
		// Don't call it at all, maybe it won't escape
		return
	}
}

// async
func (ti *rangefunc_TestTrickyIterZeroCheck_TrickyIterator) fail() {
	rt.Sleep(0)
	if conformAwait(ti.yield != nil) {
		rt.Sleep(0)
		ti.yield(1, 1)
		rt.Sleep(0)
	}
}

const rangefunc_TestTrickyIterZeroCheck_DONE = 0

const rangefunc_TestTrickyIterZeroCheck_READY = 1

const rangefunc_TestTrickyIterZeroCheck_PANIC = 2

const rangefunc_TestTrickyIterZeroCheck_EXHAUSTED = 3

const rangefunc_TestTrickyIterZeroCheck_MISSING_PANIC = 4

// Check2 wraps the function body passed to iterator forall
// in code that ensures that it cannot (successfully) be called
// either after body return false (control flow out of loop) or
// forall itself returns (the iteration is now done).
//
// Note that this can catch errors before the inserted checks.
// async
func rangefunc_TestTrickyIterZeroCheck_Check2[U, V any](forall rangefunc_TestTrickyIterZeroCheck_Seq2[U, V]) rangefunc_TestTrickyIterZeroCheck_Seq2[U, V] {
	rt.Sleep(0)
	return func(body func(U, V) bool) {
		state := rangefunc_TestTrickyIterZeroCheck_READY
		forall(func(u U, v V) bool {
			tmp := state
			state = rangefunc_TestTrickyIterZeroCheck_PANIC
			if tmp != rangefunc_TestTrickyIterZeroCheck_READY {
				panic(rangefunc_TestTrickyIterZeroCheck_fail[tmp])
			}
			ret := body(u, v)
			if ret {
				state = rangefunc_TestTrickyIterZeroCheck_READY
			} else {
				state = rangefunc_TestTrickyIterZeroCheck_DONE
			}
			return ret
		})
		if state == rangefunc_TestTrickyIterZeroCheck_PANIC {
			panic(rangefunc_TestTrickyIterZeroCheck_fail[rangefunc_TestTrickyIterZeroCheck_MISSING_PANIC])
		}
		state = rangefunc_TestTrickyIterZeroCheck_EXHAUSTED
	}
}

func rangefunc_TestTrickyIterZeroCheck_matchError(r any, x string) bool {
	if r == nil {
		return false
	}
	if x == "" {
		return true
	}
	if p, ok := r.(rangefunc_TestTrickyIterZeroCheck_errorString); ok {
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
type rangefunc_TestTrickyIterZeroCheck_errorString string

// async
func (e rangefunc_TestTrickyIterZeroCheck_errorString) Error() string {
	rt.Sleep(0)
	return string(e)
}

const (
	// RERR_ is for runtime error, and may be regexps/substrings, to simplify use of tests with tools
	rangefunc_TestTrickyIterZeroCheck_RERR_DONE      = "runtime error: range function continued iteration after function for loop body returned false"
	rangefunc_TestTrickyIterZeroCheck_RERR_PANIC     = "runtime error: range function continued iteration after loop body panic"
	rangefunc_TestTrickyIterZeroCheck_RERR_EXHAUSTED = "runtime error: range function continued iteration after whole loop exit"
	rangefunc_TestTrickyIterZeroCheck_RERR_MISSING   = "runtime error: range function recovered a loop body panic and did not resume panicking"

	// CERR_ is for checked errors in the Check combinator defined above, and should be literal strings
	rangefunc_TestTrickyIterZeroCheck_CERR_PFX       = "checked rangefunc error: "
	rangefunc_TestTrickyIterZeroCheck_CERR_DONE      = rangefunc_TestTrickyIterZeroCheck_CERR_PFX + "loop iteration after body done"
	rangefunc_TestTrickyIterZeroCheck_CERR_PANIC     = rangefunc_TestTrickyIterZeroCheck_CERR_PFX + "loop iteration after panic"
	rangefunc_TestTrickyIterZeroCheck_CERR_EXHAUSTED = rangefunc_TestTrickyIterZeroCheck_CERR_PFX + "loop iteration after iterator exit"
	rangefunc_TestTrickyIterZeroCheck_CERR_MISSING   = rangefunc_TestTrickyIterZeroCheck_CERR_PFX + "loop iterator swallowed panic"
)

var rangefunc_TestTrickyIterZeroCheck_fail []error = []error{
	rangefunc_TestTrickyIterZeroCheck_errorString(rangefunc_TestTrickyIterZeroCheck_CERR_DONE),
	rangefunc_TestTrickyIterZeroCheck_errorString(rangefunc_TestTrickyIterZeroCheck_CERR_PFX + "loop iterator, unexpected error"),
	rangefunc_TestTrickyIterZeroCheck_errorString(rangefunc_TestTrickyIterZeroCheck_CERR_PANIC),
	rangefunc_TestTrickyIterZeroCheck_errorString(rangefunc_TestTrickyIterZeroCheck_CERR_EXHAUSTED),
	rangefunc_TestTrickyIterZeroCheck_errorString(rangefunc_TestTrickyIterZeroCheck_CERR_MISSING),
}

// async
func rangefunc_TestTrickyIterZeroCheck_TestTrickyIterZeroCheck(t *conformT) {
	rt.Sleep(0)
	trickItZero := rangefunc_TestTrickyIterZeroCheck_TrickyIterator{}
	rt.Sleep(0)
	i := 0
	rt.Sleep(0)
	for _, x := range rangefunc_TestTrickyIterZeroCheck_Check2(trickItZero.iterZero([]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10})) {
		rt.Sleep(0)
		i += x
		rt.Sleep(0)
		if conformAwait(i >= 36) {
			rt.Sleep(0)
			break
		}
	}

	// Don't care about value, ought to be 0 anyhow.
	rt.Sleep(0)
	t.Logf("i = %d", i)

	rt.Sleep(0)
	defer func() {
		if r := recover(); r != nil {
			if rangefunc_TestTrickyIterZeroCheck_matchError(r, rangefunc_TestTrickyIterZeroCheck_CERR_EXHAUSTED) {
				t.Logf("Saw expected panic '%v'", r)
			} else {
				t.Errorf("Saw wrong panic '%v'", r)
			}
		} else {
			t.Error("Wanted to see a failure")
		}
	}()

	rt.Sleep(0)
	trickItZero.fail()
	rt.Sleep(0)
}

// async
func rangefunc_TestTrickyIterZeroCheck__run(t *conformT) {
	rt.Sleep(0)
	rangefunc_TestTrickyIterZeroCheck_TestTrickyIterZeroCheck(t)
	rt.Sleep(0)
}
