// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/src/cmd/compile/internal/rangefunc/rangefunc_test.go (go1.26.8), case TestBreak1, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
	"slices"
)

type rangefunc_TestBreak1_Seq2[T1, T2 any] func(yield func(T1, T2) bool)

// OfSliceIndex returns a Seq2 over the elements of s. It is equivalent
// to range s.
// async
func rangefunc_TestBreak1_OfSliceIndex[T any, S ~[]T](s S) rangefunc_TestBreak1_Seq2[int, T] {
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

// TestBreak1 should just work, with well-behaved iterators.
// (The misbehaving iterator detector should not trigger.)
// async
func rangefunc_TestBreak1_TestBreak1(t *conformT) {
	rt.Sleep(0)
	var result []int
	rt.Sleep(0)
	var expect = []int{1, 2, -1, 1, 2, -2, 1, 2, -3}
	rt.Sleep(0)
	for _, x := range rangefunc_TestBreak1_OfSliceIndex([]int{-1, -2, -3, -4}) {
		rt.Sleep(0)
		if conformAwait(x == -4) {
			rt.Sleep(0)
			break
		}
		rt.Sleep(0)
		for _, y := range rangefunc_TestBreak1_OfSliceIndex([]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}) {
			rt.Sleep(0)
			if conformAwait(y == 3) {
				rt.Sleep(0)
				break
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
	if conformAwait(!slices.Equal(expect, result)) {
		rt.Sleep(0)
		t.Errorf("Expected %v, got %v", expect, result)
		rt.Sleep(0)
	}
}

// async
func rangefunc_TestBreak1__run(t *conformT) {
	rt.Sleep(0)
	rangefunc_TestBreak1_TestBreak1(t)
	rt.Sleep(0)
}
