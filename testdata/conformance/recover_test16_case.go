// Copyright 2010 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/recover.go (go1.26.8), case test16, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
	"reflect"
	"runtime"
)

// async
func recover_test16_die() {
	rt.Sleep(0)
	runtime.Breakpoint()
	rt.Sleep(0) // can't depend on panic
}

// async
func recover_test16_mustRecoverBody(v1, v2, v3, x interface{}) {
	rt.Sleep(0)
	v := v1
	rt.Sleep(0)
	if conformAwait(v != nil) {
		rt.Sleep(0)
		println("spurious recover", v)
		rt.Sleep(0)
		recover_test16_die()
		rt.Sleep(0)
	}
	rt.Sleep(0)
	v = v2
	rt.Sleep(0)
	if conformAwait(v == nil) {
		rt.Sleep(0)
		println("missing recover", x.(int))
		rt.Sleep(0)
		recover_test16_die()
		rt.Sleep(0) // panic is useless here
	}
	rt.Sleep(0)
	if conformAwait(v != x) {
		rt.Sleep(0)
		println("wrong value", v, x)
		rt.Sleep(0)
		recover_test16_die()
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
		recover_test16_die()
		rt.Sleep(0)
	}
}

// async
func recover_test16_doubleRecover() interface{} {
	rt.Sleep(0)
	return recover()
}

// async
func recover_test16_mustRecover(x interface{}) {
	rt.Sleep(0)
	recover_test16_mustRecoverBody(recover_test16_doubleRecover(), recover(), recover(), x)
	rt.Sleep(0)
}

// async
func recover_test16_reflectFunc2(args []reflect.Value) (results []reflect.Value) {
	// This will call reflectFunc3
	rt.Sleep(0)
	args[0].Interface().(func())()
	rt.Sleep(0)
	return nil
}

// async
func recover_test16_reflectFunc3(args []reflect.Value) (results []reflect.Value) {
	rt.Sleep(0)
	if v := recover(); conformAwait(v != nil) {
		rt.Sleep(0)
		println("spurious recover", v)
		rt.Sleep(0)
		recover_test16_die()
		rt.Sleep(0)
	}
	rt.Sleep(0)
	return nil
}

// async
func recover_test16_test16() {
	rt.Sleep(0)
	defer recover_test16_mustRecover(16)

	rt.Sleep(0)
	f2 := reflect.MakeFunc(reflect.TypeOf((func(func()))(nil)), recover_test16_reflectFunc2).Interface().(func(func()))
	rt.Sleep(0)
	f3 := reflect.MakeFunc(reflect.TypeOf((func())(nil)), recover_test16_reflectFunc3).Interface().(func())
	rt.Sleep(0)
	defer f2(f3)

	rt.Sleep(0)
	panic(16)
}

// async
func recover_test16__run(t *conformT) {
	rt.Sleep(0)
	recover_test16_test16()
	rt.Sleep(0)
}
