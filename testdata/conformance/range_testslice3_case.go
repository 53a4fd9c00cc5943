// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/range.go (go1.26.8), case testslice3, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

var range_testslice3_nmake = 0

// async
func range_testslice3_makenumstring() string {
	rt.Sleep(0)
	range_testslice3_nmake++
	rt.Sleep(0)
	return "\x01\x02\x03\x04\x05"
}

// async
func range_testslice3_testslice3() {
	rt.Sleep(0)
	s := byte(0)
	rt.Sleep(0)
	range_testslice3_nmake = 0
	rt.Sleep(0)
	for _, v := range []byte(range_testslice3_makenumstring()) {
		rt.Sleep(0)
		s += v
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(range_testslice3_nmake != 1) {
		rt.Sleep(0)
		println("range called makenumstring", range_testslice3_nmake, "times")
		rt.Sleep(0)
		panic("fail")
	}
	rt.Sleep(0)
	if conformAwait(s != 15) {
		rt.Sleep(0)
		println("wrong sum ranging over []byte(makenumstring)", s)
		rt.Sleep(0)
		panic("fail")
	}
}

// async
func range_testslice3__run(t *conformT) {
	rt.Sleep(0)
	range_testslice3_testslice3()
	rt.Sleep(0)
}
