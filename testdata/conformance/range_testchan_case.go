// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/range.go (go1.26.8), case testchan, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

func range_testchan_gen(c chan int, lo, hi int) {
	for i := lo; i <= hi; i++ {
		c <- i
	}
	close(c)
}

// async
func range_testchan_seq(lo, hi int) chan int {
	rt.Sleep(0)
	c := make(chan int)
	rt.Sleep(0)
	go range_testchan_gen(c, lo, hi)
	rt.Sleep(0)
	return c
}

const range_testchan_alphabet = "abcdefghijklmnopqrstuvwxyz"

// async
func range_testchan_testchan() {
	rt.Sleep(0)
	s := ""
	rt.Sleep(0)
	for i := range range_testchan_seq('a', 'z') {
		rt.Sleep(0)
		s += string(i)
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(s != range_testchan_alphabet) {
		rt.Sleep(0)
		println("Wanted lowercase alphabet; got", s)
		rt.Sleep(0)
		panic("fail")
	}
	rt.Sleep(0)
	n := 0
	rt.Sleep(0)
	for range range_testchan_seq('a', 'z') {
		rt.Sleep(0)
		n++
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(n != 26) {
		rt.Sleep(0)
		println("testchan wrong count", n, "want 26")
		rt.Sleep(0)
		panic("fail")
	}
}

// async
func range_testchan__run(t *conformT) {
	rt.Sleep(0)
	range_testchan_testchan()
	rt.Sleep(0)
}
