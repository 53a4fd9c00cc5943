// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/slices.go (go1.26.8), case TestMap, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"strings"
)

// _Equal reports whether two slices are equal: the same length and all
// elements equal. All floating point NaNs are considered equal.
// async
func typeparam_slices_TestMap__Equal[Elem comparable](s1, s2 []Elem) bool {
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

// _Map turns a []Elem1 to a []Elem2 using a mapping function.
// async
func typeparam_slices_TestMap__Map[Elem1, Elem2 any](s []Elem1, f func(Elem1) Elem2) []Elem2 {
	rt.Sleep(0)
	r := make([]Elem2, len(s))
	rt.Sleep(0)
	for i, v := range s {
		rt.Sleep(0)
		r[i] = f(v)
		rt.Sleep(0)
	}
	rt.Sleep(0)
	return r
}

// async
func typeparam_slices_TestMap_TestMap() {
	rt.Sleep(0)
	s1 := []int{1, 2, 3}
	rt.Sleep(0)
	s2 := typeparam_slices_TestMap__Map(s1, func(i int) float64 { return float64(i) * 2.5 })
	rt.Sleep(0)
	if want := []float64{2.5, 5, 7.5}; conformAwait(!typeparam_slices_TestMap__Equal(s2, want)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_Map(%v, ...) = %v, want %v", s1, s2, want))
	}

	rt.Sleep(0)
	s3 := []string{"Hello", "World"}
	rt.Sleep(0)
	s4 := typeparam_slices_TestMap__Map(s3, strings.ToLower)
	rt.Sleep(0)
	if want := []string{"hello", "world"}; conformAwait(!typeparam_slices_TestMap__Equal(s4, want)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_Map(%v, strings.ToLower) = %v, want %v", s3, s4, want))
	}

	rt.Sleep(0)
	s5 := typeparam_slices_TestMap__Map(nil, func(i int) int { return i })
	rt.Sleep(0)
	if conformAwait(len(s5) != 0) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_Map(nil, identity) = %v, want empty slice", s5))
	}
}

// async
func typeparam_slices_TestMap__run(t *conformT) {
	rt.Sleep(0)
	typeparam_slices_TestMap_TestMap()
	rt.Sleep(0)
}
