// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/src/cmd/compile/internal/rangefunc/rangefunc_test.go (go1.26.8), case TestOk, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
	"slices"
)

type rangefunc_TestOk_Seq2[T1, T2 any] func(yield func(T1, T2) bool)

// OfSliceIndex returns a Seq2 over the elements of s. It is equivalent
// to range s.
// async
func rangefunc_TestOk_OfSliceIndex[T any, S ~[]T](s S) rangefunc_TestOk_Seq2[int, T] {
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

// okay is the not-bad version of veryBad.
// They should behave the same.
// async
func rangefunc_TestOk_okay(s []int) []int {
	rt.Sleep(0)
	var result []int
	rt.Sleep(0)
X:
	for _, x := range rangefunc_TestOk_OfSliceIndex([]int{1, 2, 3}) {

		rt.Sleep(0)
		result = append(result, x)

		rt.Sleep(0)
		for _, y := range rangefunc_TestOk_OfSliceIndex(s) {
			rt.Sleep(0)
			result = append(result, y)
			rt.Sleep(0)
			break X
		}
		rt.Sleep(0)
		for _, z := range rangefunc_TestOk_OfSliceIndex([]int{100, 200, 300}) {
			rt.Sleep(0)
			result = append(result, z)
			rt.Sleep(0)
			if conformAwait(z == 100) {
				rt.Sleep(0)
				break
			}
		}
	}
	rt.Sleep(0)
	return result
}

// TestOk is the nice version of the very bad iterator.
// async
func rangefunc_TestOk_TestOk(t *conformT) {
	rt.Sleep(0)
	result := rangefunc_TestOk_okay([]int{10, 20, 30, 40, 50}) // odd length
	rt.Sleep(0)
	expect := []int{1, 10}

	rt.Sleep(0)
	if conformAwait(!slices.Equal(expect, result)) {
		rt.Sleep(0)
		t.Errorf("Expected %v, got %v", expect, result)
		rt.Sleep(0)
	}
}

// async
func rangefunc_TestOk__run(t *conformT) {
	rt.Sleep(0)
	rangefunc_TestOk_TestOk(t)
	rt.Sleep(0)
}
