// Copyright 2010 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/recover.go (go1.26.8), case test6, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
	"runtime"
)

// async
func recover_test6_die() {
	rt.Sleep(0)
	runtime.Breakpoint()
	rt.Sleep(0) // can't depend on panic
}

// When a deferred big call starts, it must first
// create yet another stack segment to hold the
// giant frame for x.  Make sure that doesn't
// confuse recover.
// async
func recover_test6_big(mustRecover bool) {
	rt.Sleep(0)
	var x [100000]int
	rt.Sleep(0)
	x[0] = 1
	rt.Sleep(0)
	x[99999] = 1
	rt.Sleep(0)
	_ = x

	rt.Sleep(0)
	v := recover()
	rt.Sleep(0)
	if conformAwait(mustRecover) {
		rt.Sleep(0)
		if conformAwait(v == nil) {
			rt.Sleep(0)
			println("missing big recover")
			rt.Sleep(0)
			recover_test6_die()
			rt.Sleep(0)
		}
	} else {
		rt.Sleep(0)
		if conformAwait(v != nil) {
			rt.Sleep(0)
			println("spurious big recover")
			rt.Sleep(0)
			recover_test6_die()
			rt.Sleep(0)
		}
	}
}

// async
func recover_test6_test6() {
	rt.Sleep(0)
	defer recover_test6_big(false)
	rt.Sleep(0)
	defer recover_test6_big(true)
	rt.Sleep(0)
	panic(6)
}

// async
func recover_test6__run(t *conformT) {
	rt.Sleep(0)
	recover_test6_test6()
	rt.Sleep(0)
}
