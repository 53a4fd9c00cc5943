// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/src/cmd/compile/internal/rangefunc/rangefunc_test.go (go1.26.8), case TestTwoLevelReturn, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type rangefunc_TestTwoLevelReturn_Seq[T any] func(yield func(T) bool)

// twice calls yield twice, the first time defer-recover-saving any panic,
// for re-panicking later if the second call to yield does not also panic.
// If the first call panicked, the second call ought to also panic because
// it was called after a panic-termination of the loop body.
func rangefunc_TestTwoLevelReturn_twice[T any](x, y T) rangefunc_TestTwoLevelReturn_Seq[T] {
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
func rangefunc_TestTwoLevelReturn_TestTwoLevelReturn(t *conformT) {
	rt.Sleep(0)
	f := func() int {
		for a := range rangefunc_TestTwoLevelReturn_twice(0, 1) {
			for b := range rangefunc_TestTwoLevelReturn_twice(0, 2) {
				x := a + b
				t.Logf("x=%d", x)
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
func rangefunc_TestTwoLevelReturn__run(t *conformT) {
	rt.Sleep(0)
	rangefunc_TestTwoLevelReturn_TestTwoLevelReturn(t)
	rt.Sleep(0)
}
