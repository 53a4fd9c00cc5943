// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/range.go (go1.26.8), case testarrayptr2, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

var range_testarrayptr2_nmake = 0

// async
func range_testarrayptr2_makearrayptr() *[5]int {
	rt.Sleep(0)
	range_testarrayptr2_nmake++
	rt.Sleep(0)
	return &[5]int{1, 2, 3, 4, 5}
}

// async
func range_testarrayptr2_testarrayptr2() {
	rt.Sleep(0)
	n := 0
	rt.Sleep(0)
	range_testarrayptr2_nmake = 0
	rt.Sleep(0)
	for range range_testarrayptr2_makearrayptr() {
		rt.Sleep(0)
		n++
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(range_testarrayptr2_nmake != 1) {
		rt.Sleep(0)
		println("range called makearrayptr", range_testarrayptr2_nmake, "times")
		rt.Sleep(0)
		panic("fail")
	}
	rt.Sleep(0)
	if conformAwait(n != 5) {
		rt.Sleep(0)
		println("wrong count ranging over makearrayptr", n)
		rt.Sleep(0)
		panic("fail")
	}
}

// async
func range_testarrayptr2__run(t *conformT) {
	rt.Sleep(0)
	range_testarrayptr2_testarrayptr2()
	rt.Sleep(0)
}
