// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/sum.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

// async
func typeparam_sum_main_Sum[T interface{ int | float64 }](vec []T) T {
	rt.Sleep(0)
	var sum T
	rt.Sleep(0)
	for _, elt := range vec {
		rt.Sleep(0)
		sum = sum + elt
		rt.Sleep(0)
	}
	rt.Sleep(0)
	return sum
}

// async
func typeparam_sum_main_Abs(f float64) float64 {
	rt.Sleep(0)
	if conformAwait(f < 0.0) {
		rt.Sleep(0)
		return -f
	}
	rt.Sleep(0)
	return f
}

// async
func typeparam_sum_main_main() {
	rt.Sleep(0)
	vec1 := []int{3, 4}
	rt.Sleep(0)
	vec2 := []float64{5.8, 9.6}
	rt.Sleep(0)
	got := typeparam_sum_main_Sum[int](vec1)
	rt.Sleep(0)
	want := vec1[0] + vec1[1]
	rt.Sleep(0)
	if conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d, want %d", got, want))
	}
	rt.Sleep(0)
	got = typeparam_sum_main_Sum(vec1)
	rt.Sleep(0)
	if conformAwait(want != got) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d, want %d", got, want))
	}

	rt.Sleep(0)
	fwant := vec2[0] + vec2[1]
	rt.Sleep(0)
	fgot := typeparam_sum_main_Sum[float64](vec2)
	rt.Sleep(0)
	if conformAwait(typeparam_sum_main_Abs(fgot-fwant) > 1e-10) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %f, want %f", fgot, fwant))
	}
	rt.Sleep(0)
	fgot = typeparam_sum_main_Sum(vec2)
	rt.Sleep(0)
	if conformAwait(typeparam_sum_main_Abs(fgot-fwant) > 1e-10) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %f, want %f", fgot, fwant))
	}
}

// async
func typeparam_sum_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_sum_main_main()
	rt.Sleep(0)
}
