// Copyright 2022 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue51522a.go (go1.26.8), case f, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// async
func typeparam_issue51522a_f_f[T comparable](i any) {
	rt.Sleep(0)
	var t T

	rt.Sleep(0)
	if conformAwait(i != t) {
		rt.Sleep(0)
		println("FAIL: if i != t")
		rt.Sleep(0)
	}
}

// async
func typeparam_issue51522a_f__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue51522a_f_f[int](int(0))
	rt.Sleep(0)
}
