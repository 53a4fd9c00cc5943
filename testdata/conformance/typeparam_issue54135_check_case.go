// Copyright 2022 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue54135.go (go1.26.8), case check, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_issue54135_check_Foo struct{}

// async
func (typeparam_issue54135_check_Foo) Blanker() { rt.Sleep(0) }

type typeparam_issue54135_check_Bar[T any] interface {
	Blanker()
}

type typeparam_issue54135_check_Baz interface {
	Some()
}

// async
func typeparam_issue54135_check_check[T comparable](p typeparam_issue54135_check_Bar[T]) {
	rt.Sleep(0)
	if x, ok := p.(any); conformAwait(!ok || x != p) {
		rt.Sleep(0)
		panic("FAIL")
	}
	rt.Sleep(0)
	if _, ok := p.(typeparam_issue54135_check_Baz); conformAwait(ok) {
		rt.Sleep(0)
		panic("FAIL")
	}
}

// async
func typeparam_issue54135_check__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue54135_check_check[int](typeparam_issue54135_check_Foo{})
	rt.Sleep(0)
}
