// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/slices.go (go1.26.8), case TestFilter, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

// _Equal reports whether two slices are equal: the same length and all
// elements equal. All floating point NaNs are considered equal.
// async
func typeparam_slices_TestFilter__Equal[Elem comparable](s1, s2 []Elem) bool {
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

// _Filter filters values from a slice using a filter function.
// async
func typeparam_slices_TestFilter__Filter[Elem any](s []Elem, f func(Elem) bool) []Elem {
	rt.Sleep(0)
	var r []Elem
	rt.Sleep(0)
	for _, v := range s {
		rt.Sleep(0)
		if conformAwait(f(v)) {
			rt.Sleep(0)
			r = append(r, v)
			rt.Sleep(0)
		}
	}
	rt.Sleep(0)
	return r
}

// async
func typeparam_slices_TestFilter_TestFilter() {
	rt.Sleep(0)
	s1 := []int{1, 2, 3}
	rt.Sleep(0)
	s2 := typeparam_slices_TestFilter__Filter(s1, func(i int) bool { return i%2 == 0 })
	rt.Sleep(0)
	if want := []int{2}; conformAwait(!typeparam_slices_TestFilter__Equal(s2, want)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_Filter(%v, even) = %v, want %v", s1, s2, want))
	}

	rt.Sleep(0)
	if s3 := typeparam_slices_TestFilter__Filter(s1[:0], func(i int) bool { return true }); conformAwait(len(s3) > 0) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_Filter(%v, identity) = %v, want empty slice", s1[:0], s3))
	}
}

// async
func typeparam_slices_TestFilter__run(t *conformT) {
	rt.Sleep(0)
	typeparam_slices_TestFilter_TestFilter()
	rt.Sleep(0)
}
