// Copyright 2010 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/recover1.go (go1.26.8), case test4, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
	"runtime"
)

// async
func recover1_test4_die() {
	rt.Sleep(0)
	runtime.Breakpoint()
	rt.Sleep(0) // can't depend on panic
}

// async
func recover1_test4_mustNotRecover() {
	rt.Sleep(0)
	v := recover()
	rt.Sleep(0)
	if conformAwait(v != nil) {
		rt.Sleep(0)
		println("spurious recover")
		rt.Sleep(0)
		recover1_test4_die()
		rt.Sleep(0)
	}
}

// async
func recover1_test4_test4() {
	// Single panic.
	rt.Sleep(0)
	defer recover1_test4_mustNotRecover()
	rt.Sleep(0)
	defer func() {
		recover()
	}()
	rt.Sleep(0)
	panic(4)
}

// async
func recover1_test4__run(t *conformT) {
	rt.Sleep(0)
	recover1_test4_test4()
	rt.Sleep(0)
}
