// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/slices.go (go1.26.8), case TestReduce, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

// _Reduce reduces a []Elem1 to a single value of type Elem2 using
// a reduction function.
// async
func typeparam_slices_TestReduce__Reduce[Elem1, Elem2 any](s []Elem1, initializer Elem2, f func(Elem2, Elem1) Elem2) Elem2 {
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

// async
func typeparam_slices_TestReduce_TestReduce() {
	rt.Sleep(0)
	s1 := []int{1, 2, 3}
	rt.Sleep(0)
	r := typeparam_slices_TestReduce__Reduce(s1, 0, func(f float64, i int) float64 { return float64(i)*2.5 + f })
	rt.Sleep(0)
	if want := 15.0; conformAwait(r != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_Reduce(%v, 0, ...) = %v, want %v", s1, r, want))
	}

	rt.Sleep(0)
	if got := typeparam_slices_TestReduce__Reduce(nil, 0, func(i, j int) int { return i + j }); conformAwait(got != 0) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_Reduce(nil, 0, add) = %v, want 0", got))
	}
}

// async
func typeparam_slices_TestReduce__run(t *conformT) {
	rt.Sleep(0)
	typeparam_slices_TestReduce_TestReduce()
	rt.Sleep(0)
}
