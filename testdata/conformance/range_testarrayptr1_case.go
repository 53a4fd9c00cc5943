// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/range.go (go1.26.8), case testarrayptr1, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

var range_testarrayptr1_nmake = 0

// async
func range_testarrayptr1_makearrayptr() *[5]int {
	rt.Sleep(0)
	range_testarrayptr1_nmake++
	rt.Sleep(0)
	return &[5]int{1, 2, 3, 4, 5}
}

// async
func range_testarrayptr1_testarrayptr1() {
	rt.Sleep(0)
	s := 0
	rt.Sleep(0)
	range_testarrayptr1_nmake = 0
	rt.Sleep(0)
	for i := range range_testarrayptr1_makearrayptr() {
		rt.Sleep(0)
		s += i
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(range_testarrayptr1_nmake != 1) {
		rt.Sleep(0)
		println("range called makearrayptr", range_testarrayptr1_nmake, "times")
		rt.Sleep(0)
		panic("fail")
	}
	rt.Sleep(0)
	if conformAwait(s != 10) {
		rt.Sleep(0)
		println("wrong sum ranging over makearrayptr", s)
		rt.Sleep(0)
		panic("fail")
	}
}

// async
func range_testarrayptr1__run(t *conformT) {
	rt.Sleep(0)
	range_testarrayptr1_testarrayptr1()
	rt.Sleep(0)
}
