// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/range4.go (go1.26.8), case testfunc8, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

func range4_testfunc8_yield4(yield func(int) bool) {
	_ = yield(1) && yield(2) && yield(3) && yield(4)
}

func range4_testfunc8_yield3(yield func(int) bool) {
	_ = yield(1) && yield(2) && yield(3)
}

func range4_testfunc8_yield2(yield func(int) bool) {
	_ = yield(1) && yield(2)
}

var range4_testfunc8_saved []int

// async
func range4_testfunc8_save(x int) {
	rt.Sleep(0)
	range4_testfunc8_saved = append(range4_testfunc8_saved, x)
	rt.Sleep(0)
}

// async
func range4_testfunc8_printslice(s []int) {
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
func range4_testfunc8_eqslice(s, t []int) bool {
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
func range4_testfunc8_checkslice(name string, saved, want []int) {
	rt.Sleep(0)
	if conformAwait(!range4_testfunc8_eqslice(saved, want)) {
		rt.Sleep(0)
		print("wrong results ")
		rt.Sleep(0)
		range4_testfunc8_printslice(saved)
		rt.Sleep(0)
		print(" want ")
		rt.Sleep(0)
		range4_testfunc8_printslice(want)
		rt.Sleep(0)
		print("\n")
		rt.Sleep(0)
		panic(name)
	}
}

// async
func range4_testfunc8_func8() {
	rt.Sleep(0)
	defer range4_testfunc8_save(-1)
	rt.Sleep(0)
	for i := range range4_testfunc8_yield2 {
		rt.Sleep(0)
		for j := range range4_testfunc8_yield3 {
			rt.Sleep(0)
			defer range4_testfunc8_save(i*10 + j)
			rt.Sleep(0)
		}
		rt.Sleep(0)
		defer range4_testfunc8_save(i)
		rt.Sleep(0)
	}
	rt.Sleep(0)
	defer range4_testfunc8_save(-2)
	rt.Sleep(0)
	for i := range range4_testfunc8_yield4 {
		rt.Sleep(0)
		defer range4_testfunc8_save(i)
		rt.Sleep(0)
	}
	rt.Sleep(0)
	defer range4_testfunc8_save(-3)
	rt.Sleep(0)
}

// async
func range4_testfunc8_testfunc8() {
	rt.Sleep(0)
	range4_testfunc8_saved = nil
	rt.Sleep(0)
	range4_testfunc8_func8()
	rt.Sleep(0)
	want := []int{-3, 4, 3, 2, 1, -2, 2, 23, 22, 21, 1, 13, 12, 11, -1}
	rt.Sleep(0)
	range4_testfunc8_checkslice("testfunc8", range4_testfunc8_saved, want)
	rt.Sleep(0)
}

// async
func range4_testfunc8__run(t *conformT) {
	rt.Sleep(0)
	range4_testfunc8_testfunc8()
	rt.Sleep(0)
}
