// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/range4.go (go1.26.8), case testcalls, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

var range4_testcalls_ncalls = 0

// async
func range4_testcalls_getvar(p *int) *int {
	rt.Sleep(0)
	range4_testcalls_ncalls++
	rt.Sleep(0)
	return p
}

// async
func range4_testcalls_iter2(list ...int) func(func(int, int) bool) {
	rt.Sleep(0)
	return func(yield func(int, int) bool) {
		for i, x := range list {
			if !yield(i, x) {
				return
			}
		}
	}
}

// async
func range4_testcalls_testcalls() {
	rt.Sleep(0)
	var i, v int
	rt.Sleep(0)
	range4_testcalls_ncalls = 0
	rt.Sleep(0)
	si := 0
	rt.Sleep(0)
	sv := 0
	rt.Sleep(0)
	for *range4_testcalls_getvar(&i), *range4_testcalls_getvar(&v) = range range4_testcalls_iter2(1, 2) {
		rt.Sleep(0)
		si += i
		rt.Sleep(0)
		sv += v
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(range4_testcalls_ncalls != 4) {
		rt.Sleep(0)
		println("wrong number of calls:", range4_testcalls_ncalls, "!= 4")
		rt.Sleep(0)
		panic("fail")
	}
	rt.Sleep(0)
	if conformAwait(si != 1 || sv != 3) {
		rt.Sleep(0)
		println("wrong sum in testcalls", si, sv)
		rt.Sleep(0)
		panic("fail")
	}
}

// async
func range4_testcalls__run(t *conformT) {
	rt.Sleep(0)
	range4_testcalls_testcalls()
	rt.Sleep(0)
}
