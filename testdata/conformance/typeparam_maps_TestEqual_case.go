// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/maps.go (go1.26.8), case TestEqual, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"math"
)

// _Equal reports whether two maps contain the same key/value pairs.
// _Values are compared using ==.
// async
func typeparam_maps_TestEqual__Equal[K, V comparable](m1, m2 map[K]V) bool {
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

var typeparam_maps_TestEqual_m1 = map[int]int{1: 2, 2: 4, 4: 8, 8: 16}

// async
func typeparam_maps_TestEqual_TestEqual() {
	rt.Sleep(0)
	if conformAwait(!typeparam_maps_TestEqual__Equal(typeparam_maps_TestEqual_m1, typeparam_maps_TestEqual_m1)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_Equal(%v, %v) = false, want true", typeparam_maps_TestEqual_m1, typeparam_maps_TestEqual_m1))
	}
	rt.Sleep(0)
	if conformAwait(typeparam_maps_TestEqual__Equal(typeparam_maps_TestEqual_m1, nil)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_Equal(%v, nil) = true, want false", typeparam_maps_TestEqual_m1))
	}
	rt.Sleep(0)
	if conformAwait(typeparam_maps_TestEqual__Equal(nil, typeparam_maps_TestEqual_m1)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_Equal(nil, %v) = true, want false", typeparam_maps_TestEqual_m1))
	}
	rt.Sleep(0)
	if conformAwait(!typeparam_maps_TestEqual__Equal[int, int](nil, nil)) {
		rt.Sleep(0)
		panic("_Equal(nil, nil) = false, want true")
	}
	rt.Sleep(0)
	if ms := map[int]int{1: 2}; conformAwait(typeparam_maps_TestEqual__Equal(typeparam_maps_TestEqual_m1, ms)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_Equal(%v, %v) = true, want false", typeparam_maps_TestEqual_m1, ms))
	}

	// Comparing NaN for equality is expected to fail.
	rt.Sleep(0)
	mf := map[int]float64{1: 0, 2: math.NaN()}
	rt.Sleep(0)
	if conformAwait(typeparam_maps_TestEqual__Equal(mf, mf)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_Equal(%v, %v) = true, want false", mf, mf))
	}
}

// async
func typeparam_maps_TestEqual__run(t *conformT) {
	rt.Sleep(0)
	typeparam_maps_TestEqual_TestEqual()
	rt.Sleep(0)
}
