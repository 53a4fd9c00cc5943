// Copyright 2011 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/reorder.go (go1.26.8), case p11, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// async
func reorder_p11_p11() {
	rt.Sleep(0)
	var i interface{}
	rt.Sleep(0)
	p := new(bool)
	rt.Sleep(0)
	p, *p = i.(*bool)
	rt.Sleep(0)
}

// async
func reorder_p11__run(t *conformT) {
	rt.Sleep(0)
	reorder_p11_p11()
	rt.Sleep(0)
}
