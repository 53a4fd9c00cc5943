// Copyright 2011 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/reorder.go (go1.26.8), case p3, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

var reorder_p3_gx []int

// async
func reorder_p3_f(i int) int {
	rt.Sleep(0)
	return reorder_p3_gx[i]
}

// async
func reorder_p3_check(x []int, x0, x1, x2 int) {
	rt.Sleep(0)
	if conformAwait(x[0] != x0 || x[1] != x1 || x[2] != x2) {
		rt.Sleep(0)
		fmt.Printf("%v, want %d,%d,%d\n", x, x0, x1, x2)
		rt.Sleep(0)
		panic("failed")
	}
}

// async
func reorder_p3_p3() {
	rt.Sleep(0)
	x := []int{1, 2, 3}
	rt.Sleep(0)
	y := x
	rt.Sleep(0)
	reorder_p3_gx = x
	rt.Sleep(0)
	x[1], y[0] = reorder_p3_f(0), reorder_p3_f(1)
	rt.Sleep(0)
	reorder_p3_check(x, 2, 1, 3)
	rt.Sleep(0)
}

// async
func reorder_p3__run(t *conformT) {
	rt.Sleep(0)
	reorder_p3_p3()
	rt.Sleep(0)
}
