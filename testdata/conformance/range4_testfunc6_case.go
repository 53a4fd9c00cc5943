// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/range4.go (go1.26.8), case testfunc6, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

func range4_testfunc6_yield4(yield func(int) bool) {
	_ = yield(1) && yield(2) && yield(3) && yield(4)
}

// async
func range4_testfunc6_func6() (z, w int) {
	rt.Sleep(0)
	for i := range range4_testfunc6_yield4 {
		rt.Sleep(0)
		z = 10
		rt.Sleep(0)
		w = i
		rt.Sleep(0)
		return
	}
	rt.Sleep(0)
	panic("still here")
}

// async
func range4_testfunc6_testfunc6() {
	rt.Sleep(0)
	x, y := range4_testfunc6_func6()
	rt.Sleep(0)
	if conformAwait(x != 10 || y != 1) {
		rt.Sleep(0)
		println("wrong results", x, y, "want", 10, 1)
		rt.Sleep(0)
		panic("testfunc6")
	}
}

// async
func range4_testfunc6__run(t *conformT) {
	rt.Sleep(0)
	range4_testfunc6_testfunc6()
	rt.Sleep(0)
}
