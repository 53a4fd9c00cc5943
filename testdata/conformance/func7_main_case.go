// Copyright 2011 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/func7.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

var func7_main_calledf = false

// async
func func7_main_f() int {
	rt.Sleep(0)
	func7_main_calledf = true
	rt.Sleep(0)
	return 1
}

// async
func func7_main_g() int {
	rt.Sleep(0)
	if conformAwait(!func7_main_calledf) {
		rt.Sleep(0)
		panic("BUG: func7 - called g before f")
	}
	rt.Sleep(0)
	return 0
}

// async
func func7_main_main() {
	// gc used to evaluate g() before f().
	rt.Sleep(0)
	if conformAwait(func7_main_f() < func7_main_g()) {
		rt.Sleep(0)
		panic("wrong answer")
	}
}

// async
func func7_main__run(t *conformT) {
	rt.Sleep(0)
	func7_main_main()
	rt.Sleep(0)
}
