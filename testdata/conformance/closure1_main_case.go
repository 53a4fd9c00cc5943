// Copyright 2015 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/closure1.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// async
func closure1_main_main() {
	rt.Sleep(0)
	x := 0
	rt.Sleep(0)
	func() {
		x = 1
	}()
	rt.Sleep(0)
	func() {
		if x != 1 {
			panic("x != 1")
		}
	}()
	rt.Sleep(0)
}

// async
func closure1_main__run(t *conformT) {
	rt.Sleep(0)
	closure1_main_main()
	rt.Sleep(0)
}
