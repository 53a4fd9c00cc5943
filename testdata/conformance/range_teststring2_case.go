// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/range.go (go1.26.8), case teststring2, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

var range_teststring2_nmake = 0

// async
func range_teststring2_makestring() string {
	rt.Sleep(0)
	range_teststring2_nmake++
	rt.Sleep(0)
	return "abcd☺"
}

// async
func range_teststring2_teststring2() {
	rt.Sleep(0)
	n := 0
	rt.Sleep(0)
	range_teststring2_nmake = 0
	rt.Sleep(0)
	for range range_teststring2_makestring() {
		rt.Sleep(0)
		n++
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(range_teststring2_nmake != 1) {
		rt.Sleep(0)
		println("range called makestring", range_teststring2_nmake, "times")
		rt.Sleep(0)
		panic("fail")
	}
	rt.Sleep(0)
	if conformAwait(n != 5) {
		rt.Sleep(0)
		println("wrong count ranging over makestring", n)
		rt.Sleep(0)
		panic("fail")
	}
}

// async
func range_teststring2__run(t *conformT) {
	rt.Sleep(0)
	range_teststring2_teststring2()
	rt.Sleep(0)
}
