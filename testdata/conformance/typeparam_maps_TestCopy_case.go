// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/maps.go (go1.26.8), case TestCopy, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

// _Equal reports whether two maps contain the same key/value pairs.
// _Values are compared using ==.
// async
func typeparam_maps_TestCopy__Equal[K, V comparable](m1, m2 map[K]V) bool {
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
func typeparam_maps_TestCopy__Copy[K comparable, V any](m map[K]V) map[K]V {
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

var typeparam_maps_TestCopy_m1 = map[int]int{1: 2, 2: 4, 4: 8, 8: 16}

// async
func typeparam_maps_TestCopy_TestCopy() {
	rt.Sleep(0)
	m2 := typeparam_maps_TestCopy__Copy(typeparam_maps_TestCopy_m1)
	rt.Sleep(0)
	if conformAwait(!typeparam_maps_TestCopy__Equal(typeparam_maps_TestCopy_m1, m2)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_Copy(%v) = %v, want %v", typeparam_maps_TestCopy_m1, m2, typeparam_maps_TestCopy_m1))
	}
	rt.Sleep(0)
	m2[16] = 32
	rt.Sleep(0)
	if conformAwait(typeparam_maps_TestCopy__Equal(typeparam_maps_TestCopy_m1, m2)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_Equal(%v, %v) = true, want false", typeparam_maps_TestCopy_m1, m2))
	}
}

// async
func typeparam_maps_TestCopy__run(t *conformT) {
	rt.Sleep(0)
	typeparam_maps_TestCopy_TestCopy()
	rt.Sleep(0)
}
