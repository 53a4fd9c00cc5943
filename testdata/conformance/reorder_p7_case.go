// Copyright 2011 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/reorder.go (go1.26.8), case p7, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

// async
func reorder_p7_check3(x, y, z, xx, yy, zz int) {
	rt.Sleep(0)
	if conformAwait(x != xx || y != yy || z != zz) {
		rt.Sleep(0)
		fmt.Printf("%d,%d,%d, want %d,%d,%d\n", x, y, z, xx, yy, zz)
		rt.Sleep(0)
		panic("failed")
	}
}

// async
func reorder_p7_f1(x, y, z int) (xx, yy, zz int) {
	rt.Sleep(0)
	return x, y, z
}

// async
func reorder_p7_f2() (x, y, z int) {
	rt.Sleep(0)
	return reorder_p7_f1(2, 1, 3)
}

// async
func reorder_p7_p7() {
	rt.Sleep(0)
	x, y, z := reorder_p7_f2()
	rt.Sleep(0)
	reorder_p7_check3(x, y, z, 2, 1, 3)
	rt.Sleep(0)
}

// async
func reorder_p7__run(t *conformT) {
	rt.Sleep(0)
	reorder_p7_p7()
	rt.Sleep(0)
}
