// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/src/cmd/compile/internal/rangefunc/rangefunc_test.go (go1.26.8), case TestMultiCont0, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
	"slices"
)

type rangefunc_TestMultiCont0_Seq2[T1, T2 any] func(yield func(T1, T2) bool)

// OfSliceIndex returns a Seq2 over the elements of s. It is equivalent
// to range s.
// async
func rangefunc_TestMultiCont0_OfSliceIndex[T any, S ~[]T](s S) rangefunc_TestMultiCont0_Seq2[int, T] {
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

// TestMultiCont0 tests multilevel continue with no bad iterators
// (it should just work)
// async
func rangefunc_TestMultiCont0_TestMultiCont0(t *conformT) {
	rt.Sleep(0)
	var result []int
	rt.Sleep(0)
	var expect = []int{1000, 10, 2, 4, 2000}

	rt.Sleep(0)
W:
	for _, w := range rangefunc_TestMultiCont0_OfSliceIndex([]int{1000, 2000}) {
		rt.Sleep(0)
		result = append(result, w)
		rt.Sleep(0)
		if conformAwait(w == 2000) {
			rt.Sleep(0)
			break
		}
		rt.Sleep(0)
		for _, x := range rangefunc_TestMultiCont0_OfSliceIndex([]int{100, 200, 300, 400}) {
			rt.Sleep(0)
			for _, y := range rangefunc_TestMultiCont0_OfSliceIndex([]int{10, 20, 30, 40}) {
				rt.Sleep(0)
				result = append(result, y)
				rt.Sleep(0)
				for _, z := range rangefunc_TestMultiCont0_OfSliceIndex([]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}) {
					rt.Sleep(0)
					if conformAwait(z&1 == 1) {
						rt.Sleep(0)
						continue
					}
					rt.Sleep(0)
					result = append(result, z)
					rt.Sleep(0)
					if conformAwait(z >= 4) {
						rt.Sleep(0)
						continue W // modified to be multilevel
					}
				}
				rt.Sleep(0)
				result = append(result, -y)
				rt.Sleep(0) // should never be executed
			}
			rt.Sleep(0)
			result = append(result, x)
			rt.Sleep(0)
		}
	}
	rt.Sleep(0)
	if conformAwait(!slices.Equal(expect, result)) {
		rt.Sleep(0)
		t.Errorf("Expected %v, got %v", expect, result)
		rt.Sleep(0)
	}
}

// async
func rangefunc_TestMultiCont0__run(t *conformT) {
	rt.Sleep(0)
	rangefunc_TestMultiCont0_TestMultiCont0(t)
	rt.Sleep(0)
}
