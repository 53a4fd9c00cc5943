// Copyright 2022 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue51522b.go (go1.26.8), case f, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// async
func typeparam_issue51522b_f_f[T comparable](i any) {
	rt.Sleep(0)
	var t T

	rt.Sleep(0)
	switch i {
	case t:
		rt.Sleep(0)
		// ok
	default:
		rt.Sleep(0)
		println("FAIL: switch i")
		rt.Sleep(0)
	}

	rt.Sleep(0)
	switch t {
	case i:
		rt.Sleep(0)
		// ok
	default:
		rt.Sleep(0)
		println("FAIL: switch t")
		rt.Sleep(0)
	}
}

// async
func typeparam_issue51522b_f__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue51522b_f_f[int](0)
	rt.Sleep(0)
}
