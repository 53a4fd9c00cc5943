// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/range.go (go1.26.8), case testblankvars, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

const range_testblankvars_alphabet = "abcdefghijklmnopqrstuvwxyz"

// async
func range_testblankvars_testblankvars() {
	rt.Sleep(0)
	n := 0
	rt.Sleep(0)
	for range range_testblankvars_alphabet {
		rt.Sleep(0)
		n++
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(n != 26) {
		rt.Sleep(0)
		println("for range: wrong count", n, "want 26")
		rt.Sleep(0)
		panic("fail")
	}
	rt.Sleep(0)
	n = 0
	rt.Sleep(0)
	for _ = range range_testblankvars_alphabet {
		rt.Sleep(0)
		n++
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(n != 26) {
		rt.Sleep(0)
		println("for _ = range: wrong count", n, "want 26")
		rt.Sleep(0)
		panic("fail")
	}
	rt.Sleep(0)
	n = 0
	rt.Sleep(0)
	for _, _ = range range_testblankvars_alphabet {
		rt.Sleep(0)
		n++
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(n != 26) {
		rt.Sleep(0)
		println("for _, _ = range: wrong count", n, "want 26")
		rt.Sleep(0)
		panic("fail")
	}
	rt.Sleep(0)
	s := 0
	rt.Sleep(0)
	for i, _ := range range_testblankvars_alphabet {
		rt.Sleep(0)
		s += i
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(s != 325) {
		rt.Sleep(0)
		println("for i, _ := range: wrong sum", s, "want 325")
		rt.Sleep(0)
		panic("fail")
	}
	rt.Sleep(0)
	r := rune(0)
	rt.Sleep(0)
	for _, v := range range_testblankvars_alphabet {
		rt.Sleep(0)
		r += v
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(r != 2847) {
		rt.Sleep(0)
		println("for _, v := range: wrong sum", r, "want 2847")
		rt.Sleep(0)
		panic("fail")
	}
}

// async
func range_testblankvars__run(t *conformT) {
	rt.Sleep(0)
	range_testblankvars_testblankvars()
	rt.Sleep(0)
}
