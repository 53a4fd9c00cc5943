// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/slices.go (go1.26.8), case TestMin, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_slices_TestMin_Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64 |
		~string
}

// Min returns the minimum of two values of some ordered type.
// async
func typeparam_slices_TestMin__Min[T typeparam_slices_TestMin_Ordered](a, b T) T {
	rt.Sleep(0)
	if conformAwait(a < b) {
		rt.Sleep(0)
		return a
	}
	rt.Sleep(0)
	return b
}

// _Reduce reduces a []Elem1 to a single value of type Elem2 using
// a reduction function.
// async
func typeparam_slices_TestMin__Reduce[Elem1, Elem2 any](s []Elem1, initializer Elem2, f func(Elem2, Elem1) Elem2) Elem2 {
	rt.Sleep(0)
	r := initializer
	rt.Sleep(0)
	for _, v := range s {
		rt.Sleep(0)
		r = f(r, v)
		rt.Sleep(0)
	}
	rt.Sleep(0)
	return r
}

// _Min returns the minimum element in a slice of some ordered type.
// If the slice is empty it returns the zero value of the element type.
// async
func typeparam_slices_TestMin__SliceMin[Elem typeparam_slices_TestMin_Ordered](s []Elem) Elem {
	rt.Sleep(0)
	if conformAwait(len(s) == 0) {
		rt.Sleep(0)
		var zero Elem
		rt.Sleep(0)
		return zero
	}
	rt.Sleep(0)
	return typeparam_slices_TestMin__Reduce(s[1:], s[0], typeparam_slices_TestMin__Min[Elem])
}

// async
func typeparam_slices_TestMin_TestMin() {
	rt.Sleep(0)
	s1 := []int{1, 2, 3, -5}
	rt.Sleep(0)
	if got, want := typeparam_slices_TestMin__SliceMin(s1), -5; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_Min(%v) = %d, want %d", s1, got, want))
	}

	rt.Sleep(0)
	s2 := []string{"aaa", "a", "aa", "aaaa"}
	rt.Sleep(0)
	if got, want := typeparam_slices_TestMin__SliceMin(s2), "a"; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_Min(%v) = %q, want %q", s2, got, want))
	}

	rt.Sleep(0)
	if got, want := typeparam_slices_TestMin__SliceMin(s2[:0]), ""; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_Min(%v) = %q, want %q", s2[:0], got, want))
	}
}

// async
func typeparam_slices_TestMin__run(t *conformT) {
	rt.Sleep(0)
	typeparam_slices_TestMin_TestMin()
	rt.Sleep(0)
}
