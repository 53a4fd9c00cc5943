// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/range.go (go1.26.8), case testcalls, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

var range_testcalls_ncalls = 0

// async
func range_testcalls_getvar(p *int) *int {
	rt.Sleep(0)
	range_testcalls_ncalls++
	rt.Sleep(0)
	return p
}

// async
func range_testcalls_testcalls() {
	rt.Sleep(0)
	var i, v int
	rt.Sleep(0)
	si := 0
	rt.Sleep(0)
	sv := 0
	rt.Sleep(0)
	for *range_testcalls_getvar(&i), *range_testcalls_getvar(&v) = range [2]int{1, 2} {
		rt.Sleep(0)
		si += i
		rt.Sleep(0)
		sv += v
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(range_testcalls_ncalls != 4) {
		rt.Sleep(0)
		println("wrong number of calls:", range_testcalls_ncalls, "!= 4")
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

	rt.Sleep(0)
	range_testcalls_ncalls = 0
	rt.Sleep(0)
	for *range_testcalls_getvar(&i), *range_testcalls_getvar(&v) = range [0]int{} {
		rt.Sleep(0)
		println("loop ran on empty array")
		rt.Sleep(0)
		panic("fail")
	}
	rt.Sleep(0)
	if conformAwait(range_testcalls_ncalls != 0) {
		rt.Sleep(0)
		println("wrong number of calls:", range_testcalls_ncalls, "!= 0")
		rt.Sleep(0)
		panic("fail")
	}
}

// async
func range_testcalls__run(t *conformT) {
	rt.Sleep(0)
	range_testcalls_testcalls()
	rt.Sleep(0)
}
