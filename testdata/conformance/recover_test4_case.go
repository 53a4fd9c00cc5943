// Copyright 2010 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/recover.go (go1.26.8), case test4, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
	"runtime"
)

// async
func recover_test4_die() {
	rt.Sleep(0)
	runtime.Breakpoint()
	rt.Sleep(0) // can't depend on panic
}

// async
func recover_test4_mustNotRecover() {
	rt.Sleep(0)
	v := recover()
	rt.Sleep(0)
	if conformAwait(v != nil) {
		rt.Sleep(0)
		println("spurious recover", v)
		rt.Sleep(0)
		recover_test4_die()
		rt.Sleep(0)
	}
}

// async
func recover_test4_test4() {
	// Equivalent to test3 but using defer to make the call.
	rt.Sleep(0)
	defer recover_test4_mustNotRecover()
	rt.Sleep(0)
	defer func() {
		defer recover() // should squelch
	}()
	rt.Sleep(0)
	panic(4)
}

// async
func recover_test4__run(t *conformT) {
	rt.Sleep(0)
	recover_test4_test4()
	rt.Sleep(0)
}
