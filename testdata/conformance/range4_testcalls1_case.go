// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/range4.go (go1.26.8), case testcalls1, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type range4_testcalls1_iter3YieldFunc func(int, int) bool

// async
func range4_testcalls1_iter3(list ...int) func(range4_testcalls1_iter3YieldFunc) {
	rt.Sleep(0)
	return func(yield range4_testcalls1_iter3YieldFunc) {
		for k, v := range list {
			if !yield(k, v) {
				return
			}
		}
	}
}

// async
func range4_testcalls1_testcalls1() {
	rt.Sleep(0)
	ncalls := 0
	rt.Sleep(0)
	for k, v := range range4_testcalls1_iter3(1, 2, 3) {
		rt.Sleep(0)
		_, _ = k, v
		rt.Sleep(0)
		ncalls++
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(ncalls != 3) {
		rt.Sleep(0)
		println("wrong number of calls:", ncalls, "!= 3")
		rt.Sleep(0)
		panic("fail")
	}
}

// async
func range4_testcalls1__run(t *conformT) {
	rt.Sleep(0)
	range4_testcalls1_testcalls1()
	rt.Sleep(0)
}
