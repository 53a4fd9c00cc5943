// Copyright 2022 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue51522a.go (go1.26.8), case g, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_issue51522a_g_myint int

// async
func (m typeparam_issue51522a_g_myint) foo() {
	rt.Sleep(0)
}

type typeparam_issue51522a_g_fooer interface {
	foo()
}

type typeparam_issue51522a_g_comparableFoo interface {
	comparable
	foo()
}

// async
func typeparam_issue51522a_g_g[T typeparam_issue51522a_g_comparableFoo](i typeparam_issue51522a_g_fooer) {
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
func typeparam_issue51522a_g__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue51522a_g_g[typeparam_issue51522a_g_myint](typeparam_issue51522a_g_myint(0))
	rt.Sleep(0)
}
