// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/range4.go (go1.26.8), case testfunc7, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

func range4_testfunc7_yield4(yield func(int) bool) {
	_ = yield(1) && yield(2) && yield(3) && yield(4)
}

var range4_testfunc7_saved []int

// async
func range4_testfunc7_save(x int) {
	rt.Sleep(0)
	range4_testfunc7_saved = append(range4_testfunc7_saved, x)
	rt.Sleep(0)
}

// async
func range4_testfunc7_printslice(s []int) {
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
func range4_testfunc7_eqslice(s, t []int) bool {
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
func range4_testfunc7_func7() {
	rt.Sleep(0)
	defer range4_testfunc7_save(-1)
	rt.Sleep(0)
	for i := range range4_testfunc7_yield4 {
		rt.Sleep(0)
		defer range4_testfunc7_save(i)
		rt.Sleep(0)
	}
	rt.Sleep(0)
	defer range4_testfunc7_save(5)
	rt.Sleep(0)
}

// async
func range4_testfunc7_checkslice(name string, saved, want []int) {
	rt.Sleep(0)
	if conformAwait(!range4_testfunc7_eqslice(saved, want)) {
		rt.Sleep(0)
		print("wrong results ")
		rt.Sleep(0)
		range4_testfunc7_printslice(saved)
		rt.Sleep(0)
		print(" want ")
		rt.Sleep(0)
		range4_testfunc7_printslice(want)
		rt.Sleep(0)
		print("\n")
		rt.Sleep(0)
		panic(name)
	}
}

// async
func range4_testfunc7_testfunc7() {
	rt.Sleep(0)
	range4_testfunc7_saved = nil
	rt.Sleep(0)
	range4_testfunc7_func7()
	rt.Sleep(0)
	want := []int{5, 4, 3, 2, 1, -1}
	rt.Sleep(0)
	range4_testfunc7_checkslice("testfunc7", range4_testfunc7_saved, want)
	rt.Sleep(0)
}

// async
func range4_testfunc7__run(t *conformT) {
	rt.Sleep(0)
	range4_testfunc7_testfunc7()
	rt.Sleep(0)
}
