// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/ordered.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"math"
	"sort"
)

type typeparam_ordered_main_Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64 |
		~string
}

type typeparam_ordered_main_orderedSlice[Elem typeparam_ordered_main_Ordered] []Elem

// async
func (s typeparam_ordered_main_orderedSlice[Elem]) Len() int { rt.Sleep(0); return len(s) }

// async
func (s typeparam_ordered_main_orderedSlice[Elem]) Less(i, j int) bool {
	rt.Sleep(0)
	if conformAwait(s[i] < s[j]) {
		rt.Sleep(0)
		return true
	}
	rt.Sleep(0)
	isNaN := func(f Elem) bool { return f != f }
	rt.Sleep(0)
	if conformAwait(isNaN(s[i]) && !isNaN(s[j])) {
		rt.Sleep(0)
		return true
	}
	rt.Sleep(0)
	return false
}

// async
func (s typeparam_ordered_main_orderedSlice[Elem]) Swap(i, j int) {
	rt.Sleep(0)
	s[i], s[j] = s[j], s[i]
	rt.Sleep(0)
}

// async
func typeparam_ordered_main__OrderedSlice[Elem typeparam_ordered_main_Ordered](s []Elem) {
	rt.Sleep(0)
	sort.Sort(typeparam_ordered_main_orderedSlice[Elem](s))
	rt.Sleep(0)
}

var typeparam_ordered_main_ints = []int{74, 59, 238, -784, 9845, 959, 905, 0, 0, 42, 7586, -5467984, 7586}

var typeparam_ordered_main_float64s = []float64{74.3, 59.0, math.Inf(1), 238.2, -784.0, 2.3, math.NaN(), math.NaN(), math.Inf(-1), 9845.768, -959.7485, 905, 7.8, 7.8}

var typeparam_ordered_main_strings = []string{"", "Hello", "foo", "bar", "foo", "f00", "%*&^*&^&", "***"}

// async
func typeparam_ordered_main_TestSortOrderedInts() bool {
	rt.Sleep(0)
	return typeparam_ordered_main_testOrdered("ints", typeparam_ordered_main_ints, sort.Ints)
}

// async
func typeparam_ordered_main_TestSortOrderedFloat64s() bool {
	rt.Sleep(0)
	return typeparam_ordered_main_testOrdered("float64s", typeparam_ordered_main_float64s, sort.Float64s)
}

// async
func typeparam_ordered_main_TestSortOrderedStrings() bool {
	rt.Sleep(0)
	return typeparam_ordered_main_testOrdered("strings", typeparam_ordered_main_strings, sort.Strings)
}

// async
func typeparam_ordered_main_testOrdered[Elem typeparam_ordered_main_Ordered](name string, s []Elem, sorter func([]Elem)) bool {
	rt.Sleep(0)
	s1 := make([]Elem, len(s))
	rt.Sleep(0)
	copy(s1, s)
	rt.Sleep(0)
	s2 := make([]Elem, len(s))
	rt.Sleep(0)
	copy(s2, s)
	rt.Sleep(0)
	typeparam_ordered_main__OrderedSlice(s1)
	rt.Sleep(0)
	sorter(s2)
	rt.Sleep(0)
	ok := true
	rt.Sleep(0)
	if conformAwait(!typeparam_ordered_main_sliceEq(s1, s2)) {
		rt.Sleep(0)
		fmt.Printf("%s: got %v, want %v", name, s1, s2)
		rt.Sleep(0)
		ok = false
		rt.Sleep(0)
	}
	rt.Sleep(0)
	for i := len(s1) - 1; conformAwait(i > 0); i-- {
		rt.Sleep(0)
		if conformAwait(s1[i] < s1[i-1]) {
			rt.Sleep(0)
			fmt.Printf("%s: element %d (%v) < element %d (%v)", name, i, s1[i], i-1, s1[i-1])
			rt.Sleep(0)
			ok = false
			rt.Sleep(0)
		}
	}
	rt.Sleep(0)
	return ok
}

// async
func typeparam_ordered_main_sliceEq[Elem typeparam_ordered_main_Ordered](s1, s2 []Elem) bool {
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
func typeparam_ordered_main_main() {
	rt.Sleep(0)
	if conformAwait(!typeparam_ordered_main_TestSortOrderedInts() || !typeparam_ordered_main_TestSortOrderedFloat64s() || !typeparam_ordered_main_TestSortOrderedStrings()) {
		rt.Sleep(0)
		panic("failure")
	}
}

// async
func typeparam_ordered_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_ordered_main_main()
	rt.Sleep(0)
}
