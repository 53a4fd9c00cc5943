// Copyright 2010 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/recover.go (go1.26.8), case test5, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
	"runtime"
)

// async
func recover_test5_die() {
	rt.Sleep(0)
	runtime.Breakpoint()
	rt.Sleep(0) // can't depend on panic
}

// Check that closures can set output arguments.
// Run g().  If it panics, return x; else return deflt.
// async
func recover_test5_try(g func(), deflt interface{}) (x interface{}) {
	rt.Sleep(0)
	defer func() {
		if v := recover(); v != nil {
			x = v
		}
	}()
	rt.Sleep(0)
	defer g()
	rt.Sleep(0)
	return deflt
}

// Check that closures can set output arguments.
// Run g().  If it panics, return x; else return deflt.
// async
func recover_test5_try1(g func(), deflt interface{}) (x interface{}) {
	rt.Sleep(0)
	defer func() {
		if v := recover(); v != nil {
			x = v
		}
	}()
	rt.Sleep(0)
	defer g()
	rt.Sleep(0)
	x = deflt
	rt.Sleep(0)
	return
}

// async
func recover_test5_test5() {
	rt.Sleep(0)
	v := recover_test5_try(func() { panic(5) }, 55).(int)
	rt.Sleep(0)
	if conformAwait(v != 5) {
		rt.Sleep(0)
		println("wrong value", v, 5)
		rt.Sleep(0)
		recover_test5_die()
		rt.Sleep(0)
	}

	rt.Sleep(0)
	s := recover_test5_try(func() {}, "hi").(string)
	rt.Sleep(0)
	if conformAwait(s != "hi") {
		rt.Sleep(0)
		println("wrong value", s, "hi")
		rt.Sleep(0)
		recover_test5_die()
		rt.Sleep(0)
	}

	rt.Sleep(0)
	v = recover_test5_try1(func() { panic(5) }, 55).(int)
	rt.Sleep(0)
	if conformAwait(v != 5) {
		rt.Sleep(0)
		println("try1 wrong value", v, 5)
		rt.Sleep(0)
		recover_test5_die()
		rt.Sleep(0)
	}

	rt.Sleep(0)
	s = recover_test5_try1(func() {}, "hi").(string)
	rt.Sleep(0)
	if conformAwait(s != "hi") {
		rt.Sleep(0)
		println("try1 wrong value", s, "hi")
		rt.Sleep(0)
		recover_test5_die()
		rt.Sleep(0)
	}
}

// async
func recover_test5__run(t *conformT) {
	rt.Sleep(0)
	recover_test5_test5()
	rt.Sleep(0)
}
