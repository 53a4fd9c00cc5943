// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/index.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

// Index returns the index of x in s, or -1 if not found.
// async
func typeparam_index_main_Index[T comparable](s []T, x T) int {
	rt.Sleep(0)
	for i, v := range s {
		// v and x are type T, which has the comparable
		// constraint, so we can use == here.
		rt.Sleep(0)
		if conformAwait(v == x) {
			rt.Sleep(0)
			return i
		}
	}
	rt.Sleep(0)
	return -1
}

type typeparam_index_main_obj struct {
	x int
}

type typeparam_index_main_obj2 struct {
	x int8
	y float64
}

type typeparam_index_main_obj3 struct {
	x int64
	y int8
}

type typeparam_index_main_inner struct {
	y int64
	z int32
}

type typeparam_index_main_obj4 struct {
	x int32
	s typeparam_index_main_inner
}

// async
func typeparam_index_main_main() {
	rt.Sleep(0)
	want := 2

	rt.Sleep(0)
	vec1 := []string{"ab", "cd", "ef"}
	rt.Sleep(0)
	if got := typeparam_index_main_Index(vec1, "ef"); conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d, want %d", got, want))
	}

	rt.Sleep(0)
	vec2 := []byte{'c', '6', '@'}
	rt.Sleep(0)
	if got := typeparam_index_main_Index(vec2, '@'); conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d, want %d", got, want))
	}

	rt.Sleep(0)
	vec3 := []*typeparam_index_main_obj{&typeparam_index_main_obj{2}, &typeparam_index_main_obj{42}, &typeparam_index_main_obj{1}}
	rt.Sleep(0)
	if got := typeparam_index_main_Index(vec3, vec3[2]); conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d, want %d", got, want))
	}

	rt.Sleep(0)
	vec4 := []typeparam_index_main_obj2{typeparam_index_main_obj2{2, 3.0}, typeparam_index_main_obj2{3, 4.0}, typeparam_index_main_obj2{4, 5.0}}
	rt.Sleep(0)
	if got := typeparam_index_main_Index(vec4, vec4[2]); conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d, want %d", got, want))
	}

	rt.Sleep(0)
	vec5 := []typeparam_index_main_obj3{typeparam_index_main_obj3{2, 3}, typeparam_index_main_obj3{3, 4}, typeparam_index_main_obj3{4, 5}}
	rt.Sleep(0)
	if got := typeparam_index_main_Index(vec5, vec5[2]); conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d, want %d", got, want))
	}

	rt.Sleep(0)
	vec6 := []typeparam_index_main_obj4{typeparam_index_main_obj4{2, typeparam_index_main_inner{3, 4}}, typeparam_index_main_obj4{3, typeparam_index_main_inner{4, 5}}, typeparam_index_main_obj4{4, typeparam_index_main_inner{5, 6}}}
	rt.Sleep(0)
	if got := typeparam_index_main_Index(vec6, vec6[2]); conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d, want %d", got, want))
	}
}

// async
func typeparam_index_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_index_main_main()
	rt.Sleep(0)
}
