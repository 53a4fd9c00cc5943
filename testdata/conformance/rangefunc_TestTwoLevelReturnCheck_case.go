// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/src/cmd/compile/internal/rangefunc/rangefunc_test.go (go1.26.8), case TestTwoLevelReturnCheck, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type rangefunc_TestTwoLevelReturnCheck_Seq[T any] func(yield func(T) bool)

const rangefunc_TestTwoLevelReturnCheck_DONE = 0

const rangefunc_TestTwoLevelReturnCheck_READY = 1

const rangefunc_TestTwoLevelReturnCheck_PANIC = 2

const rangefunc_TestTwoLevelReturnCheck_EXHAUSTED = 3

const rangefunc_TestTwoLevelReturnCheck_MISSING_PANIC = 4

func rangefunc_TestTwoLevelReturnCheck_Check[U any](forall rangefunc_TestTwoLevelReturnCheck_Seq[U]) rangefunc_TestTwoLevelReturnCheck_Seq[U] {
	return func(body func(U) bool) {
		state := rangefunc_TestTwoLevelReturnCheck_READY
		forall(func(u U) bool {
			tmp := state
			state = rangefunc_TestTwoLevelReturnCheck_PANIC
			if tmp != rangefunc_TestTwoLevelReturnCheck_READY {
				panic(rangefunc_TestTwoLevelReturnCheck_fail[tmp])
			}
			ret := body(u)
			if ret {
				state = rangefunc_TestTwoLevelReturnCheck_READY
			} else {
				state = rangefunc_TestTwoLevelReturnCheck_DONE
			}
			return ret
		})
		if state == rangefunc_TestTwoLevelReturnCheck_PANIC {
			panic(rangefunc_TestTwoLevelReturnCheck_fail[rangefunc_TestTwoLevelReturnCheck_MISSING_PANIC])
		}
		state = rangefunc_TestTwoLevelReturnCheck_EXHAUSTED
	}
}

// An errorString represents a runtime error described by a single string.
type rangefunc_TestTwoLevelReturnCheck_errorString string

// async
func (e rangefunc_TestTwoLevelReturnCheck_errorString) Error() string {
	rt.Sleep(0)
	return string(e)
}

const (
	// RERR_ is for runtime error, and may be regexps/substrings, to simplify use of tests with tools
	rangefunc_TestTwoLevelReturnCheck_RERR_DONE      = "runtime error: range function continued iteration after function for loop body returned false"
	rangefunc_TestTwoLevelReturnCheck_RERR_PANIC     = "runtime error: range function continued iteration after loop body panic"
	rangefunc_TestTwoLevelReturnCheck_RERR_EXHAUSTED = "runtime error: range function continued iteration after whole loop exit"
	rangefunc_TestTwoLevelReturnCheck_RERR_MISSING   = "runtime error: range function recovered a loop body panic and did not resume panicking"

	// CERR_ is for checked errors in the Check combinator defined above, and should be literal strings
	rangefunc_TestTwoLevelReturnCheck_CERR_PFX       = "checked rangefunc error: "
	rangefunc_TestTwoLevelReturnCheck_CERR_DONE      = rangefunc_TestTwoLevelReturnCheck_CERR_PFX + "loop iteration after body done"
	rangefunc_TestTwoLevelReturnCheck_CERR_PANIC     = rangefunc_TestTwoLevelReturnCheck_CERR_PFX + "loop iteration after panic"
	rangefunc_TestTwoLevelReturnCheck_CERR_EXHAUSTED = rangefunc_TestTwoLevelReturnCheck_CERR_PFX + "loop iteration after iterator exit"
	rangefunc_TestTwoLevelReturnCheck_CERR_MISSING   = rangefunc_TestTwoLevelReturnCheck_CERR_PFX + "loop iterator swallowed panic"
)

var rangefunc_TestTwoLevelReturnCheck_fail []error = []error{
	rangefunc_TestTwoLevelReturnCheck_errorString(rangefunc_TestTwoLevelReturnCheck_CERR_DONE),
	rangefunc_TestTwoLevelReturnCheck_errorString(rangefunc_TestTwoLevelReturnCheck_CERR_PFX + "loop iterator, unexpected error"),
	rangefunc_TestTwoLevelReturnCheck_errorString(rangefunc_TestTwoLevelReturnCheck_CERR_PANIC),
	rangefunc_TestTwoLevelReturnCheck_errorString(rangefunc_TestTwoLevelReturnCheck_CERR_EXHAUSTED),
	rangefunc_TestTwoLevelReturnCheck_errorString(rangefunc_TestTwoLevelReturnCheck_CERR_MISSING),
}

// twice calls yield twice, the first time defer-recover-saving any panic,
// for re-panicking later if the second call to yield does not also panic.
// If the first call panicked, the second call ought to also panic because
// it was called after a panic-termination of the loop body.
func rangefunc_TestTwoLevelReturnCheck_twice[T any](x, y T) rangefunc_TestTwoLevelReturnCheck_Seq[T] {
	return func(yield func(T) bool) {
		var p any
		done := false
		func() {
			defer func() {
				p = recover()
			}()
			done = !yield(x)
		}()
		if done {
			return
		}
		yield(y)
		if p != nil {
			// do not swallow the panic
			panic(p)
		}
	}
}

// async
func rangefunc_TestTwoLevelReturnCheck_TestTwoLevelReturnCheck(t *conformT) {
	rt.Sleep(0)
	f := func() int {
		for a := range rangefunc_TestTwoLevelReturnCheck_Check(rangefunc_TestTwoLevelReturnCheck_twice(0, 1)) {
			for b := range rangefunc_TestTwoLevelReturnCheck_Check(rangefunc_TestTwoLevelReturnCheck_twice(0, 2)) {
				x := a + b
				t.Logf("a=%d, b=%d, x=%d", a, b, x)
				if x == 3 {
					return x
				}
			}
		}
		return -1
	}
	rt.Sleep(0)
	y := f()
	rt.Sleep(0)
	if conformAwait(y != 3) {
		rt.Sleep(0)
		t.Errorf("Expected y=3, got y=%d\n", y)
		rt.Sleep(0)
	}
}

// async
func rangefunc_TestTwoLevelReturnCheck__run(t *conformT) {
	rt.Sleep(0)
	rangefunc_TestTwoLevelReturnCheck_TestTwoLevelReturnCheck(t)
	rt.Sleep(0)
}
