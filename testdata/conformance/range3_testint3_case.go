// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/range3.go (go1.26.8), case testint3, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// async
func range3_testint3_testint3() {
	rt.Sleep(0)
	bad := false
	rt.Sleep(0)
	type MyInt int
	rt.Sleep(0)
	j := MyInt(0)
	rt.Sleep(0)
	for i := range MyInt(4) {
		rt.Sleep(0)
		if conformAwait(i != j) {
			rt.Sleep(0)
			println("range var", i, "want", j)
			rt.Sleep(0)
			bad = true
			rt.Sleep(0)
		}
		rt.Sleep(0)
		j++
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(j != 4) {
		rt.Sleep(0)
		println("wrong count ranging over 4:", j)
		rt.Sleep(0)
		bad = true
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(bad) {
		rt.Sleep(0)
		panic("testint3")
	}
}

// async
func range3_testint3__run(t *conformT) {
	rt.Sleep(0)
	range3_testint3_testint3()
	rt.Sleep(0)
}
