// Copyright 2010 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/recover.go (go1.26.8), case test111, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
	"runtime"
)

// async
func recover_test111_die() {
	rt.Sleep(0)
	runtime.Breakpoint()
	rt.Sleep(0) // can't depend on panic
}

// async
func recover_test111_mustRecoverBody(v1, v2, v3, x interface{}) {
	rt.Sleep(0)
	v := v1
	rt.Sleep(0)
	if conformAwait(v != nil) {
		rt.Sleep(0)
		println("spurious recover", v)
		rt.Sleep(0)
		recover_test111_die()
		rt.Sleep(0)
	}
	rt.Sleep(0)
	v = v2
	rt.Sleep(0)
	if conformAwait(v == nil) {
		rt.Sleep(0)
		println("missing recover", x.(int))
		rt.Sleep(0)
		recover_test111_die()
		rt.Sleep(0) // panic is useless here
	}
	rt.Sleep(0)
	if conformAwait(v != x) {
		rt.Sleep(0)
		println("wrong value", v, x)
		rt.Sleep(0)
		recover_test111_die()
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
		recover_test111_die()
		rt.Sleep(0)
	}
}

// async
func recover_test111_doubleRecover() interface{} {
	rt.Sleep(0)
	return recover()
}

type recover_test111_I interface {
	M()
}

// tiny receiver, so basic wrapper in i.M()
type recover_test111_T3deeper struct{}

// async
func (recover_test111_T3deeper) M() {
	rt.Sleep(0)
	recover_test111_badstate() // difference from T3
	rt.Sleep(0)
	recover_test111_mustRecoverBody(recover_test111_doubleRecover(), recover(), recover(), 111)
	rt.Sleep(0)
}

// async
func recover_test111_test111() {
	rt.Sleep(0)
	var i recover_test111_I = recover_test111_T3deeper{}
	rt.Sleep(0)
	defer i.M()
	rt.Sleep(0)
	panic(111)
}

type recover_test111_Tiny struct{}

// async
func (recover_test111_Tiny) M() {
	rt.Sleep(0)
	panic(112)
}

// i.M is a wrapper, and i.M panics.
//
// This is a torture test for an old implementation of recover that
// tried to deal with wrapper functions by doing some argument
// positioning math on both entry and exit. Doing anything on exit
// is a problem because sometimes functions exit via panic instead
// of an ordinary return, so panic would have to know to do the
// same math when unwinding the stack. It gets complicated fast.
// This particular test never worked with the old scheme, because
// panic never did the right unwinding math.
//
// The new scheme adjusts Panic.argp on entry to a wrapper.
// It has no exit work, so if a wrapper is interrupted by a panic,
// there's no cleanup that panic itself must do.
// This test just works now.
// async
func recover_test111_badstate() {
	rt.Sleep(0)
	defer func() {
		recover()
	}()
	rt.Sleep(0)
	var i recover_test111_I = recover_test111_Tiny{}
	rt.Sleep(0)
	i.M()
	rt.Sleep(0)
}

// async
func recover_test111__run(t *conformT) {
	rt.Sleep(0)
	recover_test111_test111()
	rt.Sleep(0)
}
