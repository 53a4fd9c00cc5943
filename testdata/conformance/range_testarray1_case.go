// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/range.go (go1.26.8), case testarray1, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

var range_testarray1_nmake = 0

// async
func range_testarray1_makearray() [5]int {
	rt.Sleep(0)
	range_testarray1_nmake++
	rt.Sleep(0)
	return [5]int{1, 2, 3, 4, 5}
}

// async
func range_testarray1_testarray1() {
	rt.Sleep(0)
	s := 0
	rt.Sleep(0)
	range_testarray1_nmake = 0
	rt.Sleep(0)
	for i := range range_testarray1_makearray() {
		rt.Sleep(0)
		s += i
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(range_testarray1_nmake != 1) {
		rt.Sleep(0)
		println("range called makearray", range_testarray1_nmake, "times")
		rt.Sleep(0)
		panic("fail")
	}
	rt.Sleep(0)
	if conformAwait(s != 10) {
		rt.Sleep(0)
		println("wrong sum ranging over makearray", s)
		rt.Sleep(0)
		panic("fail")
	}
}

// async
func range_testarray1__run(t *conformT) {
	rt.Sleep(0)
	range_testarray1_testarray1()
	rt.Sleep(0)
}
