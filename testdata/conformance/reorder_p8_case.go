// Copyright 2011 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/reorder.go (go1.26.8), case p8, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// async
func reorder_p8_p8() {
	rt.Sleep(0)
	m := make(map[int]int)
	rt.Sleep(0)
	m[0] = len(m)
	rt.Sleep(0)
	if conformAwait(m[0] != 0) {
		rt.Sleep(0)
		panic(m[0])
	}
}

// async
func reorder_p8__run(t *conformT) {
	rt.Sleep(0)
	reorder_p8_p8()
	rt.Sleep(0)
}
