// Copyright 2010 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/recover1.go (go1.26.8), case test7, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
	"runtime"
)

// async
func recover1_test7_die() {
	rt.Sleep(0)
	runtime.Breakpoint()
	rt.Sleep(0) // can't depend on panic
}

func recover1_test7_mustRecover(x interface{}) {
	recover1_test7_mustNotRecover() // because it's not a defer call
	v := recover()
	if v == nil {
		println("missing recover")
		recover1_test7_die() // panic is useless here
	}
	if v != x {
		println("wrong value", v, x)
		recover1_test7_die()
	}

	// the value should be gone now regardless
	v = recover()
	if v != nil {
		println("recover didn't recover")
		recover1_test7_die()
	}
}

// async
func recover1_test7_mustNotRecover() {
	rt.Sleep(0)
	v := recover()
	rt.Sleep(0)
	if conformAwait(v != nil) {
		rt.Sleep(0)
		println("spurious recover")
		rt.Sleep(0)
		recover1_test7_die()
		rt.Sleep(0)
	}
}

// async
func recover1_test7_test7() {
	// Like test6, but swapped defer order.
	// The recover in "defer recover()" is now a no-op,
	// because it runs called from panic, not from the func,
	// and therefore cannot see the panic of 2.
	// (Alternately, it cannot see the panic of 2 because
	// there is an active panic of 3.  And it cannot see the
	// panic of 3 because it is at the wrong level (too high on the stack).)
	rt.Sleep(0)
	defer recover1_test7_mustRecover(2)
	rt.Sleep(0)
	defer func() {
		defer recover1_test7_mustRecover(3)
		defer recover() // now a no-op, unlike in test6.
		panic(3)
	}()
	rt.Sleep(0)
	panic(2)
}

// async
func recover1_test7__run(t *conformT) {
	rt.Sleep(0)
	recover1_test7_test7()
	rt.Sleep(0)
}
