// Copyright 2010 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/recover.go (go1.26.8), case test6WithClosures, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
	"runtime"
)

func recover_test6WithClosures_die() {
	runtime.Breakpoint() // can't depend on panic
}

// async
func recover_test6WithClosures_test6WithClosures() {
	rt.Sleep(0)
	defer func() {
		var x [100000]int
		x[0] = 1
		x[99999] = 1
		_ = x
		if recover() != nil {
			println("spurious big closure recover")
			recover_test6WithClosures_die()
		}
	}()
	rt.Sleep(0)
	defer func() {
		var x [100000]int
		x[0] = 1
		x[99999] = 1
		_ = x
		if recover() == nil {
			println("missing big closure recover")
			recover_test6WithClosures_die()
		}
	}()
	rt.Sleep(0)
	panic("6WithClosures")
}

// async
func recover_test6WithClosures__run(t *conformT) {
	rt.Sleep(0)
	recover_test6WithClosures_test6WithClosures()
	rt.Sleep(0)
}
