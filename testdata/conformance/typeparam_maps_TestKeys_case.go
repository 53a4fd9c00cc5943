// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/maps.go (go1.26.8), case TestKeys, by
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
func typeparam_maps_TestKeys__SliceEqual[Elem comparable](s1, s2 []Elem) bool {
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

// _Keys returns the keys of the map m.
// The keys will be an indeterminate order.
// async
func typeparam_maps_TestKeys__Keys[K comparable, V any](m map[K]V) []K {
	rt.Sleep(0)
	r := make([]K, 0, len(m))
	rt.Sleep(0)
	for k := range m {
		rt.Sleep(0)
		r = append(r, k)
		rt.Sleep(0)
	}
	rt.Sleep(0)
	return r
}

var typeparam_maps_TestKeys_m1 = map[int]int{1: 2, 2: 4, 4: 8, 8: 16}

var typeparam_maps_TestKeys_m2 = map[int]string{1: "2", 2: "4", 4: "8", 8: "16"}

// async
func typeparam_maps_TestKeys_TestKeys() {
	rt.Sleep(0)
	want := []int{1, 2, 4, 8}

	rt.Sleep(0)
	got1 := typeparam_maps_TestKeys__Keys(typeparam_maps_TestKeys_m1)
	rt.Sleep(0)
	sort.Ints(got1)
	rt.Sleep(0)
	if conformAwait(!typeparam_maps_TestKeys__SliceEqual(got1, want)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_Keys(%v) = %v, want %v", typeparam_maps_TestKeys_m1, got1, want))
	}

	rt.Sleep(0)
	got2 := typeparam_maps_TestKeys__Keys(typeparam_maps_TestKeys_m2)
	rt.Sleep(0)
	sort.Ints(got2)
	rt.Sleep(0)
	if conformAwait(!typeparam_maps_TestKeys__SliceEqual(got2, want)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_Keys(%v) = %v, want %v", typeparam_maps_TestKeys_m2, got2, want))
	}
}

// async
func typeparam_maps_TestKeys__run(t *conformT) {
	rt.Sleep(0)
	typeparam_maps_TestKeys_TestKeys()
	rt.Sleep(0)
}
