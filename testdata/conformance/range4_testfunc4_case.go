// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/range4.go (go1.26.8), case testfunc4, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

func range4_testfunc4_yield4(yield func(int) bool) {
	_ = yield(1) && yield(2) && yield(3) && yield(4)
}

// async
func range4_testfunc4_testfunc4() {
	rt.Sleep(0)
	bad := false
	rt.Sleep(0)
	j := 1
	rt.Sleep(0)
	var i int
	rt.Sleep(0)
	func() {
		for i = range range4_testfunc4_yield4 {
			if i != j {
				println("range var", i, "want", j)
				bad = true
			}
			j++
			if i == 2 {
				return
			}
		}
	}()
	rt.Sleep(0)
	if conformAwait(j != 3) {
		rt.Sleep(0)
		println("wrong count ranging over f:", j)
		rt.Sleep(0)
		bad = true
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(i != 2) {
		rt.Sleep(0)
		println("wrong final i ranging over f:", i)
		rt.Sleep(0)
		bad = true
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(bad) {
		rt.Sleep(0)
		panic("testfunc3")
	}
}

// async
func range4_testfunc4__run(t *conformT) {
	rt.Sleep(0)
	range4_testfunc4_testfunc4()
	rt.Sleep(0)
}
