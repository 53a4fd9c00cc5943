// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/range4.go (go1.26.8), case testfunc0, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

func range4_testfunc0_yield4x(yield func() bool) {
	_ = yield() && yield() && yield() && yield()
}

func range4_testfunc0_yield4(yield func(int) bool) {
	_ = yield(1) && yield(2) && yield(3) && yield(4)
}

// async
func range4_testfunc0_testfunc0() {
	rt.Sleep(0)
	j := 0
	rt.Sleep(0)
	for range range4_testfunc0_yield4x {
		rt.Sleep(0)
		j++
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(j != 4) {
		rt.Sleep(0)
		println("wrong count ranging over yield4x:", j)
		rt.Sleep(0)
		panic("testfunc0")
	}

	rt.Sleep(0)
	j = 0
	rt.Sleep(0)
	for _ = range range4_testfunc0_yield4 {
		rt.Sleep(0)
		j++
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(j != 4) {
		rt.Sleep(0)
		println("wrong count ranging over yield4:", j)
		rt.Sleep(0)
		panic("testfunc0")
	}
}

// async
func range4_testfunc0__run(t *conformT) {
	rt.Sleep(0)
	range4_testfunc0_testfunc0()
	rt.Sleep(0)
}
