// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/range3.go (go1.26.8), case testint5, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// Issue #64471.
// async
func range3_testint5_testint5() {
	rt.Sleep(0)
	for i := range 'a' {
		rt.Sleep(0)
		var _ *rune = &i
		rt.Sleep(0) // ensure i has type rune
	}
}

// async
func range3_testint5__run(t *conformT) {
	rt.Sleep(0)
	range3_testint5_testint5()
	rt.Sleep(0)
}
