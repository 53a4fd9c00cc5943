// Copyright 2010 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/recover1.go (go1.26.8), case test2, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
	"runtime"
)

func recover1_test2_die() {
	runtime.Breakpoint() // can't depend on panic
}

func recover1_test2_mustRecover(x interface{}) {
	recover1_test2_mustNotRecover() // because it's not a defer call
	v := recover()
	if v == nil {
		println("missing recover")
		recover1_test2_die() // panic is useless here
	}
	if v != x {
		println("wrong value", v, x)
		recover1_test2_die()
	}

	// the value should be gone now regardless
	v = recover()
	if v != nil {
		println("recover didn't recover")
		recover1_test2_die()
	}
}

// async
func recover1_test2_mustNotRecover() {
	rt.Sleep(0)
	v := recover()
	rt.Sleep(0)
	if conformAwait(v != nil) {
		rt.Sleep(0)
		println("spurious recover")
		rt.Sleep(0)
		recover1_test2_die()
		rt.Sleep(0)
	}
}

// async
func recover1_test2_test2() {
	// Sequential panic.
	rt.Sleep(0)
	defer recover1_test2_mustNotRecover()
	rt.Sleep(0)
	defer func() {
		v := recover()
		if v == nil || v.(int) != 2 {
			println("wrong value", v, 2)
			recover1_test2_die()
		}
		defer recover1_test2_mustRecover(3)
		panic(3)
	}()
	rt.Sleep(0)
	panic(2)
}

// async
func recover1_test2__run(t *conformT) {
	rt.Sleep(0)
	recover1_test2_test2()
	rt.Sleep(0)
}
