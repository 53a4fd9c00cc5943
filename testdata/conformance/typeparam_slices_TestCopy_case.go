// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/slices.go (go1.26.8), case TestCopy, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

// _Equal reports whether two slices are equal: the same length and all
// elements equal. All floating point NaNs are considered equal.
// async
func typeparam_slices_TestCopy__Equal[Elem comparable](s1, s2 []Elem) bool {
	rt.Sleep(0)
	if conformAwait(len(s1) != len(s2)) {
		rt.Sleep(0)
		return false
	}
	rt.Sleep(0)
	for i, v1 := range s1 {
		rt.Sleep(0)
		v2 := s2[i]
		rt.Sleep(0)
		if conformAwait(v1 != v2) {
			rt.Sleep(0)
			isNaN := func(f Elem) bool { return f != f }
			rt.Sleep(0)
			if conformAwait(!isNaN(v1) || !isNaN(v2)) {
				rt.Sleep(0)
				return false
			}
		}
	}
	rt.Sleep(0)
	return true
}

// _Copy copies values from t to s, stopping when either slice is full,
// returning the number of values copied. This is like the predeclared
// copy function; it's an example of how to write it using generics.
// async
func typeparam_slices_TestCopy__Copy[T any](s, t []T) int {
	rt.Sleep(0)
	i := 0
	rt.Sleep(0)
	for ; conformAwait(i < len(s) && i < len(t)); i++ {
		rt.Sleep(0)
		s[i] = t[i]
		rt.Sleep(0)
	}
	rt.Sleep(0)
	return i
}

// async
func typeparam_slices_TestCopy_TestCopy() {
	rt.Sleep(0)
	s1 := []int{1, 2, 3}
	rt.Sleep(0)
	s2 := []int{4, 5}
	rt.Sleep(0)
	if got := typeparam_slices_TestCopy__Copy(s1, s2); conformAwait(got != 2) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_Copy returned %d, want 2", got))
	}
	rt.Sleep(0)
	want := []int{4, 5, 3}
	rt.Sleep(0)
	if conformAwait(!typeparam_slices_TestCopy__Equal(s1, want)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("after _Copy got %v, want %v", s1, want))
	}
}

// async
func typeparam_slices_TestCopy__run(t *conformT) {
	rt.Sleep(0)
	typeparam_slices_TestCopy_TestCopy()
	rt.Sleep(0)
}
