// Copyright 2010 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/recover.go (go1.26.8), case test1, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
	"runtime"
)

// async
func recover_test1_die() {
	rt.Sleep(0)
	runtime.Breakpoint()
	rt.Sleep(0) // can't depend on panic
}

// async
func recover_test1_mustRecoverBody(v1, v2, v3, x interface{}) {
	rt.Sleep(0)
	v := v1
	rt.Sleep(0)
	if conformAwait(v != nil) {
		rt.Sleep(0)
		println("spurious recover", v)
		rt.Sleep(0)
		recover_test1_die()
		rt.Sleep(0)
	}
	rt.Sleep(0)
	v = v2
	rt.Sleep(0)
	if conformAwait(v == nil) {
		rt.Sleep(0)
		println("missing recover", x.(int))
		rt.Sleep(0)
		recover_test1_die()
		rt.Sleep(0) // panic is useless here
	}
	rt.Sleep(0)
	if conformAwait(v != x) {
		rt.Sleep(0)
		println("wrong value", v, x)
		rt.Sleep(0)
		recover_test1_die()
		rt.Sleep(0)
	}

	// the value should be gone now regardless
	rt.Sleep(0)
	v = v3
	rt.Sleep(0)
	if conformAwait(v != nil) {
		rt.Sleep(0)
		println("recover didn't recover")
		rt.Sleep(0)
		recover_test1_die()
		rt.Sleep(0)
	}
}

// async
func recover_test1_doubleRecover() interface{} {
	rt.Sleep(0)
	return recover()
}

// async
func recover_test1_mustRecover(x interface{}) {
	rt.Sleep(0)
	recover_test1_mustRecoverBody(recover_test1_doubleRecover(), recover(), recover(), x)
	rt.Sleep(0)
}

// async
func recover_test1_mustNotRecover() {
	rt.Sleep(0)
	v := recover()
	rt.Sleep(0)
	if conformAwait(v != nil) {
		rt.Sleep(0)
		println("spurious recover", v)
		rt.Sleep(0)
		recover_test1_die()
		rt.Sleep(0)
	}
}

// async
func recover_test1_withoutRecover() {
	rt.Sleep(0)
	recover_test1_mustNotRecover()
	rt.Sleep(0) // because it's a sub-call
}

// async
func recover_test1_withoutRecoverRecursive(n int) {
	rt.Sleep(0)
	if conformAwait(n == 0) {
		rt.Sleep(0)
		recover_test1_withoutRecoverRecursive(1)
		rt.Sleep(0)
	} else {
		rt.Sleep(0)
		v := recover()
		rt.Sleep(0)
		if conformAwait(v != nil) {
			rt.Sleep(0)
			println("spurious recover (recursive)", v)
			rt.Sleep(0)
			recover_test1_die()
			rt.Sleep(0)
		}
	}
}

// async
func recover_test1_test1() {
	rt.Sleep(0)
	defer recover_test1_mustNotRecover() // because mustRecover will squelch it
	rt.Sleep(0)
	defer recover_test1_mustRecover(1) // because of panic below
	rt.Sleep(0)
	defer recover_test1_withoutRecover() // should be no-op, leaving for mustRecover to find
	rt.Sleep(0)
	defer recover_test1_withoutRecoverRecursive(0) // ditto
	rt.Sleep(0)
	panic(1)
}

// async
func recover_test1__run(t *conformT) {
	rt.Sleep(0)
	recover_test1_test1()
	rt.Sleep(0)
}
