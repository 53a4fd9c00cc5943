// Copyright 2010 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/recover.go (go1.26.8), case test13, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
	"runtime"
)

// async
func recover_test13_die() {
	rt.Sleep(0)
	runtime.Breakpoint()
	rt.Sleep(0) // can't depend on panic
}

// async
func recover_test13_mustRecoverBody(v1, v2, v3, x interface{}) {
	rt.Sleep(0)
	v := v1
	rt.Sleep(0)
	if conformAwait(v != nil) {
		rt.Sleep(0)
		println("spurious recover", v)
		rt.Sleep(0)
		recover_test13_die()
		rt.Sleep(0)
	}
	rt.Sleep(0)
	v = v2
	rt.Sleep(0)
	if conformAwait(v == nil) {
		rt.Sleep(0)
		println("missing recover", x.(int))
		rt.Sleep(0)
		recover_test13_die()
		rt.Sleep(0) // panic is useless here
	}
	rt.Sleep(0)
	if conformAwait(v != x) {
		rt.Sleep(0)
		println("wrong value", v, x)
		rt.Sleep(0)
		recover_test13_die()
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
		recover_test13_die()
		rt.Sleep(0)
	}
}

// async
func recover_test13_doubleRecover() interface{} {
	rt.Sleep(0)
	return recover()
}

type recover_test13_I interface {
	M()
}

// enormous receiver, so wrapper splits stack to call M
type recover_test13_T5 [8192]byte

// async
func (recover_test13_T5) M() {
	rt.Sleep(0)
	recover_test13_mustRecoverBody(recover_test13_doubleRecover(), recover(), recover(), 13)
	rt.Sleep(0)
}

// async
func recover_test13_test13() {
	rt.Sleep(0)
	var i recover_test13_I = recover_test13_T5{}
	rt.Sleep(0)
	defer i.M()
	rt.Sleep(0)
	panic(13)
}

// async
func recover_test13__run(t *conformT) {
	rt.Sleep(0)
	recover_test13_test13()
	rt.Sleep(0)
}
