// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/index2.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

// Can index an argument (read/write) constrained to be a slice or an array.
// async
func typeparam_index2_main_Index1[T interface{ []int64 | [5]int64 }](x T) int64 {
	rt.Sleep(0)
	x[2] = 5
	rt.Sleep(0)
	return x[3]
}

// Can index an argument (read) constrained to be a byte array or a string.
// async
func typeparam_index2_main_Index2[T interface{ []byte | string }](x T) byte {
	rt.Sleep(0)
	return x[3]
}

// Can index an argument (write) constrained to be a byte array, but not a string.
// async
func typeparam_index2_main_Index2a[T interface{ []byte }](x T) byte {
	rt.Sleep(0)
	x[2] = 'b'
	rt.Sleep(0)
	return x[3]
}

// Can index an argument (read/write) constrained to be a map. Maps can't
// be combined with any other type for indexing purposes.
// async
func typeparam_index2_main_Index3[T interface{ map[int]int64 }](x T) int64 {
	rt.Sleep(0)
	x[2] = 43
	rt.Sleep(0)
	return x[3]
}

// But the type of the map keys or values can be parameterized.
// async
func typeparam_index2_main_Index4[T any](x map[int]T) T {
	rt.Sleep(0)
	var zero T
	rt.Sleep(0)
	x[2] = zero
	rt.Sleep(0)
	return x[3]
}

// async
func typeparam_index2_main_test[T comparable](got, want T) {
	rt.Sleep(0)
	if conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %v, want %v", got, want))
	}
}

// async
func typeparam_index2_main_main() {
	rt.Sleep(0)
	x := make([]int64, 4)
	rt.Sleep(0)
	x[3] = 2
	rt.Sleep(0)
	y := [5]int64{1, 2, 3, 4, 5}
	rt.Sleep(0)
	z := "abcd"
	rt.Sleep(0)
	w := make([]byte, 4)
	rt.Sleep(0)
	w[3] = 5
	rt.Sleep(0)
	v := make(map[int]int64)
	rt.Sleep(0)
	v[3] = 18

	rt.Sleep(0)
	typeparam_index2_main_test(typeparam_index2_main_Index1(x), int64(2))
	rt.Sleep(0)
	typeparam_index2_main_test(typeparam_index2_main_Index1(y), int64(4))
	rt.Sleep(0)
	typeparam_index2_main_test(typeparam_index2_main_Index2(z), byte(100))
	rt.Sleep(0)
	typeparam_index2_main_test(typeparam_index2_main_Index2(w), byte(5))
	rt.Sleep(0)
	typeparam_index2_main_test(typeparam_index2_main_Index2a(w), byte(5))
	rt.Sleep(0)
	typeparam_index2_main_test(typeparam_index2_main_Index3(v), int64(18))
	rt.Sleep(0)
	typeparam_index2_main_test(typeparam_index2_main_Index4(v), int64(18))
	rt.Sleep(0)
}

// async
func typeparam_index2_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_index2_main_main()
	rt.Sleep(0)
}
