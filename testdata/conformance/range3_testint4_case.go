// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/range3.go (go1.26.8), case testint4, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// Issue #63378.
// async
func range3_testint4_testint4() {
	rt.Sleep(0)
	for i := range -1 {
		rt.Sleep(0)
		_ = i
		rt.Sleep(0)
		panic("must not be executed")
	}
}

// async
func range3_testint4__run(t *conformT) {
	rt.Sleep(0)
	range3_testint4_testint4()
	rt.Sleep(0)
}
