// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/range.go (go1.26.8), case testarray, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

var range_testarray_nmake = 0

// async
func range_testarray_makearray() [5]int {
	rt.Sleep(0)
	range_testarray_nmake++
	rt.Sleep(0)
	return [5]int{1, 2, 3, 4, 5}
}

// async
func range_testarray_testarray() {
	rt.Sleep(0)
	s := 0
	rt.Sleep(0)
	range_testarray_nmake = 0
	rt.Sleep(0)
	for _, v := range range_testarray_makearray() {
		rt.Sleep(0)
		s += v
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(range_testarray_nmake != 1) {
		rt.Sleep(0)
		println("range called makearray", range_testarray_nmake, "times")
		rt.Sleep(0)
		panic("fail")
	}
	rt.Sleep(0)
	if conformAwait(s != 15) {
		rt.Sleep(0)
		println("wrong sum ranging over makearray", s)
		rt.Sleep(0)
		panic("fail")
	}
}

// async
func range_testarray__run(t *conformT) {
	rt.Sleep(0)
	range_testarray_testarray()
	rt.Sleep(0)
}
