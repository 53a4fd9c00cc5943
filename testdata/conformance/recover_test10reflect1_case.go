// Copyright 2010 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/recover.go (go1.26.8), case test10reflect1, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
	"reflect"
	"runtime"
)

// async
func recover_test10reflect1_die() {
	rt.Sleep(0)
	runtime.Breakpoint()
	rt.Sleep(0) // can't depend on panic
}

// async
func recover_test10reflect1_mustRecoverBody(v1, v2, v3, x interface{}) {
	rt.Sleep(0)
	v := v1
	rt.Sleep(0)
	if conformAwait(v != nil) {
		rt.Sleep(0)
		println("spurious recover", v)
		rt.Sleep(0)
		recover_test10reflect1_die()
		rt.Sleep(0)
	}
	rt.Sleep(0)
	v = v2
	rt.Sleep(0)
	if conformAwait(v == nil) {
		rt.Sleep(0)
		println("missing recover", x.(int))
		rt.Sleep(0)
		recover_test10reflect1_die()
		rt.Sleep(0) // panic is useless here
	}
	rt.Sleep(0)
	if conformAwait(v != x) {
		rt.Sleep(0)
		println("wrong value", v, x)
		rt.Sleep(0)
		recover_test10reflect1_die()
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
		recover_test10reflect1_die()
		rt.Sleep(0)
	}
}

// async
func recover_test10reflect1_doubleRecover() interface{} {
	rt.Sleep(0)
	return recover()
}

// word-sized value receiver, so no wrapper in i.M()
type recover_test10reflect1_T2 uintptr

// async
func (recover_test10reflect1_T2) M() {
	rt.Sleep(0)
	recover_test10reflect1_mustRecoverBody(recover_test10reflect1_doubleRecover(), recover(), recover(), 10)
	rt.Sleep(0)
}

// async
func recover_test10reflect1_test10reflect1() {
	rt.Sleep(0)
	f := reflect.ValueOf(recover_test10reflect1_T2(0)).Method(0).Interface().(func())
	rt.Sleep(0)
	defer f()
	rt.Sleep(0)
	panic(10)
}

// async
func recover_test10reflect1__run(t *conformT) {
	rt.Sleep(0)
	recover_test10reflect1_test10reflect1()
	rt.Sleep(0)
}
