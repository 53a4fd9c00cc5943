// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/range.go (go1.26.8), case testmap2, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

var range_testmap2_nmake = 0

// async
func range_testmap2_makemap() map[int]int {
	rt.Sleep(0)
	range_testmap2_nmake++
	rt.Sleep(0)
	return map[int]int{0: 'a', 1: 'b', 2: 'c', 3: 'd', 4: '☺'}
}

// async
func range_testmap2_testmap2() {
	rt.Sleep(0)
	n := 0
	rt.Sleep(0)
	range_testmap2_nmake = 0
	rt.Sleep(0)
	for range range_testmap2_makemap() {
		rt.Sleep(0)
		n++
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(range_testmap2_nmake != 1) {
		rt.Sleep(0)
		println("range called makemap", range_testmap2_nmake, "times")
		rt.Sleep(0)
		panic("fail")
	}
	rt.Sleep(0)
	if conformAwait(n != 5) {
		rt.Sleep(0)
		println("wrong count ranging over makemap", n)
		rt.Sleep(0)
		panic("fail")
	}
}

// async
func range_testmap2__run(t *conformT) {
	rt.Sleep(0)
	range_testmap2_testmap2()
	rt.Sleep(0)
}
