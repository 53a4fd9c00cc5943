// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/range.go (go1.26.8), case testslice, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

var range_testslice_nmake = 0

// async
func range_testslice_makeslice() []int {
	rt.Sleep(0)
	range_testslice_nmake++
	rt.Sleep(0)
	return []int{1, 2, 3, 4, 5}
}

// async
func range_testslice_testslice() {
	rt.Sleep(0)
	s := 0
	rt.Sleep(0)
	range_testslice_nmake = 0
	rt.Sleep(0)
	for _, v := range range_testslice_makeslice() {
		rt.Sleep(0)
		s += v
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(range_testslice_nmake != 1) {
		rt.Sleep(0)
		println("range called makeslice", range_testslice_nmake, "times")
		rt.Sleep(0)
		panic("fail")
	}
	rt.Sleep(0)
	if conformAwait(s != 15) {
		rt.Sleep(0)
		println("wrong sum ranging over makeslice", s)
		rt.Sleep(0)
		panic("fail")
	}

	rt.Sleep(0)
	x := []int{10, 20}
	rt.Sleep(0)
	y := []int{99}
	rt.Sleep(0)
	i := 1
	rt.Sleep(0)
	for i, x[i] = range y {
		rt.Sleep(0)
		break
	}
	rt.Sleep(0)
	if conformAwait(i != 0 || x[0] != 10 || x[1] != 99) {
		rt.Sleep(0)
		println("wrong parallel assignment", i, x[0], x[1])
		rt.Sleep(0)
		panic("fail")
	}
}

// async
func range_testslice__run(t *conformT) {
	rt.Sleep(0)
	range_testslice_testslice()
	rt.Sleep(0)
}
