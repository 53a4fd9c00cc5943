// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/range.go (go1.26.8), case testarray2, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

var range_testarray2_nmake = 0

// async
func range_testarray2_makearray() [5]int {
	rt.Sleep(0)
	range_testarray2_nmake++
	rt.Sleep(0)
	return [5]int{1, 2, 3, 4, 5}
}

// async
func range_testarray2_testarray2() {
	rt.Sleep(0)
	n := 0
	rt.Sleep(0)
	range_testarray2_nmake = 0
	rt.Sleep(0)
	for range range_testarray2_makearray() {
		rt.Sleep(0)
		n++
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(range_testarray2_nmake != 1) {
		rt.Sleep(0)
		println("range called makearray", range_testarray2_nmake, "times")
		rt.Sleep(0)
		panic("fail")
	}
	rt.Sleep(0)
	if conformAwait(n != 5) {
		rt.Sleep(0)
		println("wrong count ranging over makearray", n)
		rt.Sleep(0)
		panic("fail")
	}
}

// async
func range_testarray2__run(t *conformT) {
	rt.Sleep(0)
	range_testarray2_testarray2()
	rt.Sleep(0)
}
