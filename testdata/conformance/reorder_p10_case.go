// Copyright 2011 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/reorder.go (go1.26.8), case p10, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// async
//
//go:noinline
func reorder_p10_fp() (*int, int) { rt.Sleep(0); return nil, 42 }

// async
func reorder_p10_p10() {
	rt.Sleep(0)
	p := new(int)
	rt.Sleep(0)
	p, *p = reorder_p10_fp()
	rt.Sleep(0)
}

// async
func reorder_p10__run(t *conformT) {
	rt.Sleep(0)
	reorder_p10_p10()
	rt.Sleep(0)
}
