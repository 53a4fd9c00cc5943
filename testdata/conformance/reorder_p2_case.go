// Copyright 2011 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/reorder.go (go1.26.8), case p2, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

// async
func reorder_p2_check(x []int, x0, x1, x2 int) {
	rt.Sleep(0)
	if conformAwait(x[0] != x0 || x[1] != x1 || x[2] != x2) {
		rt.Sleep(0)
		fmt.Printf("%v, want %d,%d,%d\n", x, x0, x1, x2)
		rt.Sleep(0)
		panic("failed")
	}
}

// async
func reorder_p2_p2() {
	rt.Sleep(0)
	x := []int{1, 2, 3}
	rt.Sleep(0)
	i := 0
	rt.Sleep(0)
	x[i], i = 100, 1
	rt.Sleep(0)
	_ = i
	rt.Sleep(0)
	reorder_p2_check(x, 100, 2, 3)
	rt.Sleep(0)
}

// async
func reorder_p2__run(t *conformT) {
	rt.Sleep(0)
	reorder_p2_p2()
	rt.Sleep(0)
}
