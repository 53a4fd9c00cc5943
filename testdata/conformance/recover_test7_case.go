// Copyright 2010 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/recover.go (go1.26.8), case test7, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
	"runtime"
)

// async
func recover_test7_die() {
	rt.Sleep(0)
	runtime.Breakpoint()
	rt.Sleep(0) // can't depend on panic
}

// async
func recover_test7_mustRecoverBody(v1, v2, v3, x interface{}) {
	rt.Sleep(0)
	v := v1
	rt.Sleep(0)
	if conformAwait(v != nil) {
		rt.Sleep(0)
		println("spurious recover", v)
		rt.Sleep(0)
		recover_test7_die()
		rt.Sleep(0)
	}
	rt.Sleep(0)
	v = v2
	rt.Sleep(0)
	if conformAwait(v == nil) {
		rt.Sleep(0)
		println("missing recover", x.(int))
		rt.Sleep(0)
		recover_test7_die()
		rt.Sleep(0) // panic is useless here
	}
	rt.Sleep(0)
	if conformAwait(v != x) {
		rt.Sleep(0)
		println("wrong value", v, x)
		rt.Sleep(0)
		recover_test7_die()
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
		recover_test7_die()
		rt.Sleep(0)
	}
}

// async
func recover_test7_doubleRecover() interface{} {
	rt.Sleep(0)
	return recover()
}

func recover_test7_mustRecover(x interface{}) {
	recover_test7_mustRecoverBody(recover_test7_doubleRecover(), recover(), recover(), x)
}

// async
func recover_test7_test7() {
	rt.Sleep(0)
	ok := false
	rt.Sleep(0)
	func() {
		// should panic, then call mustRecover 7, which stops the panic.
		// then should keep processing ordinary defers earlier than that one
		// before returning.
		// this test checks that the defer func on the next line actually runs.
		defer func() { ok = true }()
		defer recover_test7_mustRecover(7)
		panic(7)
	}()
	rt.Sleep(0)
	if conformAwait(!ok) {
		rt.Sleep(0)
		println("did not run ok func")
		rt.Sleep(0)
		recover_test7_die()
		rt.Sleep(0)
	}
}

// async
func recover_test7__run(t *conformT) {
	rt.Sleep(0)
	recover_test7_test7()
	rt.Sleep(0)
}
