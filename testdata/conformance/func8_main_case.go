// Copyright 2011 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/func8.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

var func8_main_calledf int

// async
func func8_main_f() int {
	rt.Sleep(0)
	func8_main_calledf++
	rt.Sleep(0)
	return 0
}

// async
func func8_main_g() int {
	rt.Sleep(0)
	return func8_main_calledf
}

var func8_main_xy string

// async
//
//go:noinline
func func8_main_x() bool {
	rt.Sleep(0)
	func8_main_xy += "x"
	rt.Sleep(0)
	return false
}

// async
//
//go:noinline
func func8_main_y() string {
	rt.Sleep(0)
	func8_main_xy += "y"
	rt.Sleep(0)
	return "abc"
}

// async
func func8_main_main() {
	rt.Sleep(0)
	if conformAwait(func8_main_f() == func8_main_g()) {
		rt.Sleep(0)
		panic("wrong f,g order")
	}

	rt.Sleep(0)
	if conformAwait(func8_main_x() == (func8_main_y() == "abc")) {
		rt.Sleep(0)
		panic("wrong compare")
	}
	rt.Sleep(0)
	if conformAwait(func8_main_xy != "xy") {
		rt.Sleep(0)
		panic("wrong x,y order")
	}
}

// async
func func8_main__run(t *conformT) {
	rt.Sleep(0)
	func8_main_main()
	rt.Sleep(0)
}
