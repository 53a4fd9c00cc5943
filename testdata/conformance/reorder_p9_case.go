// Copyright 2011 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/reorder.go (go1.26.8), case p9, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

// Issue #13433: Left-to-right assignment of OAS2XXX nodes.
// async
func reorder_p9_p9() {
	rt.Sleep(0)
	var x bool

	// OAS2FUNC
	rt.Sleep(0)
	x, x = reorder_p9_fn()
	rt.Sleep(0)
	reorder_p9_checkOAS2XXX(x, "x, x = fn()")

	// OAS2RECV
	rt.Sleep(0)
	var c = make(chan bool, 10)
	rt.Sleep(0)
	c <- false
	rt.Sleep(0)
	x, x = <-c
	rt.Sleep(0)
	reorder_p9_checkOAS2XXX(x, "x, x <-c")

	// OAS2MAPR
	rt.Sleep(0)
	var m = map[int]bool{0: false}
	rt.Sleep(0)
	x, x = m[0]
	rt.Sleep(0)
	reorder_p9_checkOAS2XXX(x, "x, x = m[0]")

	// OAS2DOTTYPE
	rt.Sleep(0)
	var i interface{} = false
	rt.Sleep(0)
	x, x = i.(bool)
	rt.Sleep(0)
	reorder_p9_checkOAS2XXX(x, "x, x = i.(bool)")
	rt.Sleep(0)
}

// async
//
//go:noinline
func reorder_p9_fn() (bool, bool) { rt.Sleep(0); return false, true }

// checks the order of OAS2XXX.
// async
func reorder_p9_checkOAS2XXX(x bool, s string) {
	rt.Sleep(0)
	if conformAwait(!x) {
		rt.Sleep(0)
		fmt.Printf("%s; got=(false); want=(true)\n", s)
		rt.Sleep(0)
		panic("failed")
	}
}

// async
func reorder_p9__run(t *conformT) {
	rt.Sleep(0)
	reorder_p9_p9()
	rt.Sleep(0)
}
