// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/slices.go (go1.26.8), case TestEqualFn, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"strings"
)

type typeparam_slices_TestEqualFn_Integer interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr
}

// _EqualFn reports whether two slices are equal using a comparison
// function on each element.
// async
func typeparam_slices_TestEqualFn__EqualFn[Elem any](s1, s2 []Elem, eq func(Elem, Elem) bool) bool {
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
		if conformAwait(!eq(v1, v2)) {
			rt.Sleep(0)
			return false
		}
	}
	rt.Sleep(0)
	return true
}

// async
func typeparam_slices_TestEqualFn_offByOne[Elem typeparam_slices_TestEqualFn_Integer](a, b Elem) bool {
	rt.Sleep(0)
	return a == b+1 || a == b-1
}

// async
func typeparam_slices_TestEqualFn_TestEqualFn() {
	rt.Sleep(0)
	s1 := []int{1, 2, 3}
	rt.Sleep(0)
	s2 := []int{2, 3, 4}
	rt.Sleep(0)
	if conformAwait(typeparam_slices_TestEqualFn__EqualFn(s1, s1, typeparam_slices_TestEqualFn_offByOne[int])) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_EqualFn(%v, %v, offByOne) = true, want false", s1, s1))
	}
	rt.Sleep(0)
	if conformAwait(!typeparam_slices_TestEqualFn__EqualFn(s1, s2, typeparam_slices_TestEqualFn_offByOne[int])) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_EqualFn(%v, %v, offByOne) = false, want true", s1, s2))
	}

	rt.Sleep(0)
	if conformAwait(!typeparam_slices_TestEqualFn__EqualFn(s1[:0], nil, typeparam_slices_TestEqualFn_offByOne[int])) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_EqualFn(%v, nil, offByOne) = false, want true", s1[:0]))
	}

	rt.Sleep(0)
	s3 := []string{"a", "b", "c"}
	rt.Sleep(0)
	s4 := []string{"A", "B", "C"}
	rt.Sleep(0)
	if conformAwait(!typeparam_slices_TestEqualFn__EqualFn(s3, s4, strings.EqualFold)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_EqualFn(%v, %v, strings.EqualFold) = false, want true", s3, s4))
	}
}

// async
func typeparam_slices_TestEqualFn__run(t *conformT) {
	rt.Sleep(0)
	typeparam_slices_TestEqualFn_TestEqualFn()
	rt.Sleep(0)
}
