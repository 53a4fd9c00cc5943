// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/range4.go (go1.26.8), case testfunc9, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

func range4_testfunc9_yield3(yield func(int) bool) {
	_ = yield(1) && yield(2) && yield(3)
}

func range4_testfunc9_yield2(yield func(int) bool) {
	_ = yield(1) && yield(2)
}

var range4_testfunc9_saved []int

// async
func range4_testfunc9_save(x int) {
	rt.Sleep(0)
	range4_testfunc9_saved = append(range4_testfunc9_saved, x)
	rt.Sleep(0)
}

// async
func range4_testfunc9_printslice(s []int) {
	rt.Sleep(0)
	print("[")
	rt.Sleep(0)
	for i, x := range s {
		rt.Sleep(0)
		if conformAwait(i > 0) {
			rt.Sleep(0)
			print(", ")
			rt.Sleep(0)
		}
		rt.Sleep(0)
		print(x)
		rt.Sleep(0)
	}
	rt.Sleep(0)
	print("]")
	rt.Sleep(0)
}

// async
func range4_testfunc9_eqslice(s, t []int) bool {
	rt.Sleep(0)
	if conformAwait(len(s) != len(t)) {
		rt.Sleep(0)
		return false
	}
	rt.Sleep(0)
	for i, x := range s {
		rt.Sleep(0)
		if conformAwait(x != t[i]) {
			rt.Sleep(0)
			return false
		}
	}
	rt.Sleep(0)
	return true
}

// async
func range4_testfunc9_checkslice(name string, saved, want []int) {
	rt.Sleep(0)
	if conformAwait(!range4_testfunc9_eqslice(saved, want)) {
		rt.Sleep(0)
		print("wrong results ")
		rt.Sleep(0)
		range4_testfunc9_printslice(saved)
		rt.Sleep(0)
		print(" want ")
		rt.Sleep(0)
		range4_testfunc9_printslice(want)
		rt.Sleep(0)
		print("\n")
		rt.Sleep(0)
		panic(name)
	}
}

// async
func range4_testfunc9_func9() {
	rt.Sleep(0)
	n := 0
	rt.Sleep(0)
	for _ = range range4_testfunc9_yield2 {
		rt.Sleep(0)
		for _ = range range4_testfunc9_yield3 {
			rt.Sleep(0)
			n++
			rt.Sleep(0)
			defer range4_testfunc9_save(n)
			rt.Sleep(0)
		}
	}
}

// async
func range4_testfunc9_testfunc9() {
	rt.Sleep(0)
	range4_testfunc9_saved = nil
	rt.Sleep(0)
	range4_testfunc9_func9()
	rt.Sleep(0)
	want := []int{6, 5, 4, 3, 2, 1}
	rt.Sleep(0)
	range4_testfunc9_checkslice("testfunc9", range4_testfunc9_saved, want)
	rt.Sleep(0)
}

// async
func range4_testfunc9__run(t *conformT) {
	rt.Sleep(0)
	range4_testfunc9_testfunc9()
	rt.Sleep(0)
}
