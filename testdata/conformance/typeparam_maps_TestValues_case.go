// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/maps.go (go1.26.8), case TestValues, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"sort"
)

// _Equal reports whether two slices are equal: the same length and all
// elements equal. All floating point NaNs are considered equal.
// async
func typeparam_maps_TestValues__SliceEqual[Elem comparable](s1, s2 []Elem) bool {
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

// _Values returns the values of the map m.
// The values will be in an indeterminate order.
// async
func typeparam_maps_TestValues__Values[K comparable, V any](m map[K]V) []V {
	rt.Sleep(0)
	r := make([]V, 0, len(m))
	rt.Sleep(0)
	for _, v := range m {
		rt.Sleep(0)
		r = append(r, v)
		rt.Sleep(0)
	}
	rt.Sleep(0)
	return r
}

var typeparam_maps_TestValues_m1 = map[int]int{1: 2, 2: 4, 4: 8, 8: 16}

var typeparam_maps_TestValues_m2 = map[int]string{1: "2", 2: "4", 4: "8", 8: "16"}

// async
func typeparam_maps_TestValues_TestValues() {
	rt.Sleep(0)
	got1 := typeparam_maps_TestValues__Values(typeparam_maps_TestValues_m1)
	rt.Sleep(0)
	want1 := []int{2, 4, 8, 16}
	rt.Sleep(0)
	sort.Ints(got1)
	rt.Sleep(0)
	if conformAwait(!typeparam_maps_TestValues__SliceEqual(got1, want1)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_Values(%v) = %v, want %v", typeparam_maps_TestValues_m1, got1, want1))
	}

	rt.Sleep(0)
	got2 := typeparam_maps_TestValues__Values(typeparam_maps_TestValues_m2)
	rt.Sleep(0)
	want2 := []string{"16", "2", "4", "8"}
	rt.Sleep(0)
	sort.Strings(got2)
	rt.Sleep(0)
	if conformAwait(!typeparam_maps_TestValues__SliceEqual(got2, want2)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_Values(%v) = %v, want %v", typeparam_maps_TestValues_m2, got2, want2))
	}
}

// async
func typeparam_maps_TestValues__run(t *conformT) {
	rt.Sleep(0)
	typeparam_maps_TestValues_TestValues()
	rt.Sleep(0)
}
