// Copyright 2010 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/recover1.go (go1.26.8), case test3, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
	"runtime"
)

// async
func recover1_test3_die() {
	rt.Sleep(0)
	runtime.Breakpoint()
	rt.Sleep(0) // can't depend on panic
}

func recover1_test3_mustRecover(x interface{}) {
	recover1_test3_mustNotRecover() // because it's not a defer call
	v := recover()
	if v == nil {
		println("missing recover")
		recover1_test3_die() // panic is useless here
	}
	if v != x {
		println("wrong value", v, x)
		recover1_test3_die()
	}

	// the value should be gone now regardless
	v = recover()
	if v != nil {
		println("recover didn't recover")
		recover1_test3_die()
	}
}

// async
func recover1_test3_mustNotRecover() {
	rt.Sleep(0)
	v := recover()
	rt.Sleep(0)
	if conformAwait(v != nil) {
		rt.Sleep(0)
		println("spurious recover")
		rt.Sleep(0)
		recover1_test3_die()
		rt.Sleep(0)
	}
}

// async
func recover1_test3_test3() {
	// Sequential panic - like test2 but less picky.
	rt.Sleep(0)
	defer recover1_test3_mustNotRecover()
	rt.Sleep(0)
	defer func() {
		recover()
		defer recover1_test3_mustRecover(3)
		panic(3)
	}()
	rt.Sleep(0)
	panic(2)
}

// async
func recover1_test3__run(t *conformT) {
	rt.Sleep(0)
	recover1_test3_test3()
	rt.Sleep(0)
}
