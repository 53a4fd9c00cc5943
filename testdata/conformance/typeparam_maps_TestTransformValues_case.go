// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/maps.go (go1.26.8), case TestTransformValues, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

// _Equal reports whether two maps contain the same key/value pairs.
// _Values are compared using ==.
// async
func typeparam_maps_TestTransformValues__Equal[K, V comparable](m1, m2 map[K]V) bool {
	rt.Sleep(0)
	if conformAwait(len(m1) != len(m2)) {
		rt.Sleep(0)
		return false
	}
	rt.Sleep(0)
	for k, v1 := range m1 {
		rt.Sleep(0)
		if v2, ok := m2[k]; conformAwait(!ok || v1 != v2) {
			rt.Sleep(0)
			return false
		}
	}
	rt.Sleep(0)
	return true
}

// _Copy returns a copy of m.
// async
func typeparam_maps_TestTransformValues__Copy[K comparable, V any](m map[K]V) map[K]V {
	rt.Sleep(0)
	r := make(map[K]V, len(m))
	rt.Sleep(0)
	for k, v := range m {
		rt.Sleep(0)
		r[k] = v
		rt.Sleep(0)
	}
	rt.Sleep(0)
	return r
}

// _TransformValues applies f to each value in m. The keys remain unchanged.
// async
func typeparam_maps_TestTransformValues__TransformValues[K comparable, V any](m map[K]V, f func(V) V) {
	rt.Sleep(0)
	for k, v := range m {
		rt.Sleep(0)
		m[k] = f(v)
		rt.Sleep(0)
	}
}

var typeparam_maps_TestTransformValues_m1 = map[int]int{1: 2, 2: 4, 4: 8, 8: 16}

// async
func typeparam_maps_TestTransformValues_TestTransformValues() {
	rt.Sleep(0)
	mc := typeparam_maps_TestTransformValues__Copy(typeparam_maps_TestTransformValues_m1)
	rt.Sleep(0)
	typeparam_maps_TestTransformValues__TransformValues(mc, func(i int) int { return i / 2 })
	rt.Sleep(0)
	want := map[int]int{1: 1, 2: 2, 4: 4, 8: 8}
	rt.Sleep(0)
	if conformAwait(!typeparam_maps_TestTransformValues__Equal(mc, want)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_TransformValues result = %v, want %v", mc, want))
	}
}

// async
func typeparam_maps_TestTransformValues__run(t *conformT) {
	rt.Sleep(0)
	typeparam_maps_TestTransformValues_TestTransformValues()
	rt.Sleep(0)
}
