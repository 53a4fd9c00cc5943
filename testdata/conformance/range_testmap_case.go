// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/range.go (go1.26.8), case testmap, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

var range_testmap_nmake = 0

// async
func range_testmap_makemap() map[int]int {
	rt.Sleep(0)
	range_testmap_nmake++
	rt.Sleep(0)
	return map[int]int{0: 'a', 1: 'b', 2: 'c', 3: 'd', 4: '☺'}
}

// async
func range_testmap_testmap() {
	rt.Sleep(0)
	s := 0
	rt.Sleep(0)
	range_testmap_nmake = 0
	rt.Sleep(0)
	for _, v := range range_testmap_makemap() {
		rt.Sleep(0)
		s += v
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(range_testmap_nmake != 1) {
		rt.Sleep(0)
		println("range called makemap", range_testmap_nmake, "times")
		rt.Sleep(0)
		panic("fail")
	}
	rt.Sleep(0)
	if conformAwait(s != 'a'+'b'+'c'+'d'+'☺') {
		rt.Sleep(0)
		println("wrong sum ranging over makemap", s)
		rt.Sleep(0)
		panic("fail")
	}
}

// async
func range_testmap__run(t *conformT) {
	rt.Sleep(0)
	range_testmap_testmap()
	rt.Sleep(0)
}
