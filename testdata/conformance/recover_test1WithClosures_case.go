// Copyright 2010 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/recover.go (go1.26.8), case test1WithClosures, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
	"runtime"
)

func recover_test1WithClosures_die() {
	runtime.Breakpoint() // can't depend on panic
}

func recover_test1WithClosures_mustNotRecover() {
	v := recover()
	if v != nil {
		println("spurious recover", v)
		recover_test1WithClosures_die()
	}
}

// Repeat test1 with closures instead of standard function.
// Interesting because recover bases its decision
// on the frame pointer of its caller, and a closure's
// frame pointer is in the middle of its actual arguments
// (after the hidden ones for the closed-over variables).
// async
func recover_test1WithClosures_test1WithClosures() {
	rt.Sleep(0)
	defer func() {
		v := recover()
		if v != nil {
			println("spurious recover in closure")
			recover_test1WithClosures_die()
		}
	}()
	rt.Sleep(0)
	defer func(x interface{}) {
		recover_test1WithClosures_mustNotRecover()
		v := recover()
		if v == nil {
			println("missing recover", x.(int))
			recover_test1WithClosures_die()
		}
		if v != x {
			println("wrong value", v, x)
			recover_test1WithClosures_die()
		}
	}(1)
	rt.Sleep(0)
	defer func() {
		recover_test1WithClosures_mustNotRecover()
	}()
	rt.Sleep(0)
	panic(1)
}

// async
func recover_test1WithClosures__run(t *conformT) {
	rt.Sleep(0)
	recover_test1WithClosures_test1WithClosures()
	rt.Sleep(0)
}
