// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/src/cmd/compile/internal/rangefunc/rangefunc_test.go (go1.26.8), case TestTrickyIterAll, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"regexp"
)

type rangefunc_TestTrickyIterAll_Seq2[T1, T2 any] func(yield func(T1, T2) bool)

// TrickyIterator is a type intended to test whether an iterator that
// calls a yield function after loop exit must inevitably escape the
// closure; this might be relevant to future checking/optimization.
type rangefunc_TestTrickyIterAll_TrickyIterator struct {
	yield func(int, int) bool
}

// async
func (ti *rangefunc_TestTrickyIterAll_TrickyIterator) iterEcho(s []int) rangefunc_TestTrickyIterAll_Seq2[int, int] {
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
func (ti *rangefunc_TestTrickyIterAll_TrickyIterator) iterAll(s []int) rangefunc_TestTrickyIterAll_Seq2[int, int] {
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
func (ti *rangefunc_TestTrickyIterAll_TrickyIterator) iterOne(s []int) rangefunc_TestTrickyIterAll_Seq2[int, int] {
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
func (ti *rangefunc_TestTrickyIterAll_TrickyIterator) iterZero(s []int) rangefunc_TestTrickyIterAll_Seq2[int, int] {
	rt.Sleep(0)
	return func(yield func(int, int) bool) {
		ti.yield = yield // Save yield for future abuse
		// Don't call it at all, maybe it won't escape
		return
	}
}

// async
func (ti *rangefunc_TestTrickyIterAll_TrickyIterator) fail() {
	rt.Sleep(0)
	if conformAwait(ti.yield != nil) {
		rt.Sleep(0)
		ti.yield(1, 1)
		rt.Sleep(0)
	}
}

func rangefunc_TestTrickyIterAll_matchError(r any, x string) bool {
	if r == nil {
		return false
	}
	if x == "" {
		return true
	}
	if p, ok := r.(rangefunc_TestTrickyIterAll_errorString); ok {
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
type rangefunc_TestTrickyIterAll_errorString string

// async
func (e rangefunc_TestTrickyIterAll_errorString) Error() string {
	rt.Sleep(0)
	return string(e)
}

const (
	// RERR_ is for runtime error, and may be regexps/substrings, to simplify use of tests with tools
	rangefunc_TestTrickyIterAll_RERR_DONE      = "runtime error: range function continued iteration after function for loop body returned false"
	rangefunc_TestTrickyIterAll_RERR_PANIC     = "runtime error: range function continued iteration after loop body panic"
	rangefunc_TestTrickyIterAll_RERR_EXHAUSTED = "runtime error: range function continued iteration after whole loop exit"
	rangefunc_TestTrickyIterAll_RERR_MISSING   = "runtime error: range function recovered a loop body panic and did not resume panicking"

	// CERR_ is for checked errors in the Check combinator defined above, and should be literal strings
	rangefunc_TestTrickyIterAll_CERR_PFX       = "checked rangefunc error: "
	rangefunc_TestTrickyIterAll_CERR_DONE      = rangefunc_TestTrickyIterAll_CERR_PFX + "loop iteration after body done"
	rangefunc_TestTrickyIterAll_CERR_PANIC     = rangefunc_TestTrickyIterAll_CERR_PFX + "loop iteration after panic"
	rangefunc_TestTrickyIterAll_CERR_EXHAUSTED = rangefunc_TestTrickyIterAll_CERR_PFX + "loop iteration after iterator exit"
	rangefunc_TestTrickyIterAll_CERR_MISSING   = rangefunc_TestTrickyIterAll_CERR_PFX + "loop iterator swallowed panic"
)

// async
func rangefunc_TestTrickyIterAll_TestTrickyIterAll(t *conformT) {
	rt.Sleep(0)
	trickItAll := rangefunc_TestTrickyIterAll_TrickyIterator{}
	rt.Sleep(0)
	i := 0
	rt.Sleep(0)
	for _, x := range trickItAll.iterAll([]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}) {
		rt.Sleep(0)
		i += x
		rt.Sleep(0)
		if conformAwait(i >= 36) {
			rt.Sleep(0)
			break
		}
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

	rt.Sleep(0)
	defer func() {
		if r := recover(); r != nil {
			if rangefunc_TestTrickyIterAll_matchError(r, rangefunc_TestTrickyIterAll_RERR_EXHAUSTED) {
				t.Logf("Saw expected panic '%v'", r)
			} else {
				t.Errorf("Saw wrong panic '%v'", r)
			}
		} else {
			t.Error("Wanted to see a failure")
		}
	}()

	rt.Sleep(0)
	trickItAll.fail()
	rt.Sleep(0)
}

// async
func rangefunc_TestTrickyIterAll__run(t *conformT) {
	rt.Sleep(0)
	rangefunc_TestTrickyIterAll_TestTrickyIterAll(t)
	rt.Sleep(0)
}
