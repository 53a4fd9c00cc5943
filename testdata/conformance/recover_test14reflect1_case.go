// Copyright 2010 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/recover.go (go1.26.8), case test14reflect1, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
	"reflect"
	"runtime"
)

// async
func recover_test14reflect1_die() {
	rt.Sleep(0)
	runtime.Breakpoint()
	rt.Sleep(0) // can't depend on panic
}

// async
func recover_test14reflect1_mustRecoverBody(v1, v2, v3, x interface{}) {
	rt.Sleep(0)
	v := v1
	rt.Sleep(0)
	if conformAwait(v != nil) {
		rt.Sleep(0)
		println("spurious recover", v)
		rt.Sleep(0)
		recover_test14reflect1_die()
		rt.Sleep(0)
	}
	rt.Sleep(0)
	v = v2
	rt.Sleep(0)
	if conformAwait(v == nil) {
		rt.Sleep(0)
		println("missing recover", x.(int))
		rt.Sleep(0)
		recover_test14reflect1_die()
		rt.Sleep(0) // panic is useless here
	}
	rt.Sleep(0)
	if conformAwait(v != x) {
		rt.Sleep(0)
		println("wrong value", v, x)
		rt.Sleep(0)
		recover_test14reflect1_die()
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
		recover_test14reflect1_die()
		rt.Sleep(0)
	}
}

// async
func recover_test14reflect1_doubleRecover() interface{} {
	rt.Sleep(0)
	return recover()
}

// enormous receiver + enormous method frame, so wrapper splits stack to call M,
// and then M splits stack to allocate its frame.
// recover must look back two frames to find the panic.
type recover_test14reflect1_T6 [8192]byte

var recover_test14reflect1_global byte

// async
func (recover_test14reflect1_T6) M() {
	rt.Sleep(0)
	var x [8192]byte
	rt.Sleep(0)
	x[0] = 1
	rt.Sleep(0)
	x[1] = 2
	rt.Sleep(0)
	for i := range x {
		rt.Sleep(0)
		recover_test14reflect1_global += x[i]
		rt.Sleep(0)
	}
	rt.Sleep(0)
	recover_test14reflect1_mustRecoverBody(recover_test14reflect1_doubleRecover(), recover(), recover(), 14)
	rt.Sleep(0)
}

// async
func recover_test14reflect1_test14reflect1() {
	rt.Sleep(0)
	f := reflect.ValueOf(recover_test14reflect1_T6{}).Method(0).Interface().(func())
	rt.Sleep(0)
	defer f()
	rt.Sleep(0)
	panic(14)
}

// async
func recover_test14reflect1__run(t *conformT) {
	rt.Sleep(0)
	recover_test14reflect1_test14reflect1()
	rt.Sleep(0)
}
