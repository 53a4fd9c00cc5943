// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/slices.go (go1.26.8), case TestEqual, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"math"
)

// _Equal reports whether two slices are equal: the same length and all
// elements equal. All floating point NaNs are considered equal.
// async
func typeparam_slices_TestEqual__Equal[Elem comparable](s1, s2 []Elem) bool {
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

// async
func typeparam_slices_TestEqual_TestEqual() {
	rt.Sleep(0)
	s1 := []int{1, 2, 3}
	rt.Sleep(0)
	if conformAwait(!typeparam_slices_TestEqual__Equal(s1, s1)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_Equal(%v, %v) = false, want true", s1, s1))
	}
	rt.Sleep(0)
	s2 := []int{1, 2, 3}
	rt.Sleep(0)
	if conformAwait(!typeparam_slices_TestEqual__Equal(s1, s2)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_Equal(%v, %v) = false, want true", s1, s2))
	}
	rt.Sleep(0)
	s2 = append(s2, 4)
	rt.Sleep(0)
	if conformAwait(typeparam_slices_TestEqual__Equal(s1, s2)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_Equal(%v, %v) = true, want false", s1, s2))
	}

	rt.Sleep(0)
	s3 := []float64{1, 2, math.NaN()}
	rt.Sleep(0)
	if conformAwait(!typeparam_slices_TestEqual__Equal(s3, s3)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_Equal(%v, %v) = false, want true", s3, s3))
	}

	rt.Sleep(0)
	if conformAwait(typeparam_slices_TestEqual__Equal(s1, nil)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_Equal(%v, nil) = true, want false", s1))
	}
	rt.Sleep(0)
	if conformAwait(typeparam_slices_TestEqual__Equal(nil, s1)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_Equal(nil, %v) = true, want false", s1))
	}
	rt.Sleep(0)
	if conformAwait(!typeparam_slices_TestEqual__Equal(s1[:0], nil)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_Equal(%v, nil = false, want true", s1[:0]))
	}
}

// async
func typeparam_slices_TestEqual__run(t *conformT) {
	rt.Sleep(0)
	typeparam_slices_TestEqual_TestEqual()
	rt.Sleep(0)
}
