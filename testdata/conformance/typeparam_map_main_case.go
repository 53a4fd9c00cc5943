// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/map.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"reflect"
	"strconv"
)

// Map calls the function f on every element of the slice s,
// returning a new slice of the results.
// async
func typeparam_map_main_mapper[F, T any](s []F, f func(F) T) []T {
	rt.Sleep(0)
	r := make([]T, len(s))
	rt.Sleep(0)
	for i, v := range s {
		rt.Sleep(0)
		r[i] = f(v)
		rt.Sleep(0)
	}
	rt.Sleep(0)
	return r
}

// async
func typeparam_map_main_main() {
	rt.Sleep(0)
	got := typeparam_map_main_mapper([]int{1, 2, 3}, strconv.Itoa)
	rt.Sleep(0)
	want := []string{"1", "2", "3"}
	rt.Sleep(0)
	if conformAwait(!reflect.DeepEqual(got, want)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %s, want %s", got, want))
	}

	rt.Sleep(0)
	fgot := typeparam_map_main_mapper([]float64{2.5, 2.3, 3.5}, func(f float64) string {
		return strconv.FormatFloat(f, 'f', -1, 64)
	})
	rt.Sleep(0)
	fwant := []string{"2.5", "2.3", "3.5"}
	rt.Sleep(0)
	if conformAwait(!reflect.DeepEqual(fgot, fwant)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %s, want %s", fgot, fwant))
	}
}

// async
func typeparam_map_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_map_main_main()
	rt.Sleep(0)
}
