// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/maps.go (go1.26.8), case TestAdd, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

// _Equal reports whether two maps contain the same key/value pairs.
// _Values are compared using ==.
// async
func typeparam_maps_TestAdd__Equal[K, V comparable](m1, m2 map[K]V) bool {
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
func typeparam_maps_TestAdd__Copy[K comparable, V any](m map[K]V) map[K]V {
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

// _Add adds all key/value pairs in m2 to m1. _Keys in m2 that are already
// present in m1 will be overwritten with the value in m2.
// async
func typeparam_maps_TestAdd__Add[K comparable, V any](m1, m2 map[K]V) {
	rt.Sleep(0)
	for k, v := range m2 {
		rt.Sleep(0)
		m1[k] = v
		rt.Sleep(0)
	}
}

var typeparam_maps_TestAdd_m1 = map[int]int{1: 2, 2: 4, 4: 8, 8: 16}

// async
func typeparam_maps_TestAdd_TestAdd() {
	rt.Sleep(0)
	mc := typeparam_maps_TestAdd__Copy(typeparam_maps_TestAdd_m1)
	rt.Sleep(0)
	typeparam_maps_TestAdd__Add(mc, mc)
	rt.Sleep(0)
	if conformAwait(!typeparam_maps_TestAdd__Equal(mc, typeparam_maps_TestAdd_m1)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_Add(%v, %v) = %v, want %v", typeparam_maps_TestAdd_m1, typeparam_maps_TestAdd_m1, mc, typeparam_maps_TestAdd_m1))
	}
	rt.Sleep(0)
	typeparam_maps_TestAdd__Add(mc, map[int]int{16: 32})
	rt.Sleep(0)
	want := map[int]int{1: 2, 2: 4, 4: 8, 8: 16, 16: 32}
	rt.Sleep(0)
	if conformAwait(!typeparam_maps_TestAdd__Equal(mc, want)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_Add result = %v, want %v", mc, want))
	}
}

// async
func typeparam_maps_TestAdd__run(t *conformT) {
	rt.Sleep(0)
	typeparam_maps_TestAdd_TestAdd()
	rt.Sleep(0)
}
