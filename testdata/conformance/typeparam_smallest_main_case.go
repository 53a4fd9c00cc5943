// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/smallest.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_smallest_main_Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64 |
		~string
}

// async
func typeparam_smallest_main_Smallest[T typeparam_smallest_main_Ordered](s []T) T {
	rt.Sleep(0)
	r := s[0] // panics if slice is empty
	rt.Sleep(0)
	for _, v := range s[1:] {
		rt.Sleep(0)
		if conformAwait(v < r) {
			rt.Sleep(0)
			r = v
			rt.Sleep(0)
		}
	}
	rt.Sleep(0)
	return r
}

// async
func typeparam_smallest_main_main() {
	rt.Sleep(0)
	vec1 := []float64{5.3, 1.2, 32.8}
	rt.Sleep(0)
	vec2 := []string{"abc", "def", "aaa"}

	rt.Sleep(0)
	want1 := 1.2
	rt.Sleep(0)
	if got := typeparam_smallest_main_Smallest(vec1); conformAwait(got != want1) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d, want %d", got, want1))
	}
	rt.Sleep(0)
	want2 := "aaa"
	rt.Sleep(0)
	if got := typeparam_smallest_main_Smallest(vec2); conformAwait(got != want2) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d, want %d", got, want2))
	}
}

// async
func typeparam_smallest_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_smallest_main_main()
	rt.Sleep(0)
}
