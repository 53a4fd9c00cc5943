// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/range.go (go1.26.8), case teststring, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

var range_teststring_nmake = 0

// async
func range_teststring_makestring() string {
	rt.Sleep(0)
	range_teststring_nmake++
	rt.Sleep(0)
	return "abcd☺"
}

// async
func range_teststring_teststring() {
	rt.Sleep(0)
	var s rune
	rt.Sleep(0)
	range_teststring_nmake = 0
	rt.Sleep(0)
	for _, v := range range_teststring_makestring() {
		rt.Sleep(0)
		s += v
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(range_teststring_nmake != 1) {
		rt.Sleep(0)
		println("range called makestring", range_teststring_nmake, "times")
		rt.Sleep(0)
		panic("fail")
	}
	rt.Sleep(0)
	if conformAwait(s != 'a'+'b'+'c'+'d'+'☺') {
		rt.Sleep(0)
		println("wrong sum ranging over makestring", s)
		rt.Sleep(0)
		panic("fail")
	}

	rt.Sleep(0)
	x := []rune{'a', 'b'}
	rt.Sleep(0)
	i := 1
	rt.Sleep(0)
	for i, x[i] = range "c" {
		rt.Sleep(0)
		break
	}
	rt.Sleep(0)
	if conformAwait(i != 0 || x[0] != 'a' || x[1] != 'c') {
		rt.Sleep(0)
		println("wrong parallel assignment", i, x[0], x[1])
		rt.Sleep(0)
		panic("fail")
	}

	rt.Sleep(0)
	y := []int{1, 2, 3}
	rt.Sleep(0)
	r := rune(1)
	rt.Sleep(0)
	for y[r], r = range "\x02" {
		rt.Sleep(0)
		break
	}
	rt.Sleep(0)
	if conformAwait(r != 2 || y[0] != 1 || y[1] != 0 || y[2] != 3) {
		rt.Sleep(0)
		println("wrong parallel assignment", r, y[0], y[1], y[2])
		rt.Sleep(0)
		panic("fail")
	}
}

// async
func range_teststring__run(t *conformT) {
	rt.Sleep(0)
	range_teststring_teststring()
	rt.Sleep(0)
}
