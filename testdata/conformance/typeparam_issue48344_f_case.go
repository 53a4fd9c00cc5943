// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue48344.go (go1.26.8), case f, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_issue48344_f_G[T any] interface {
	g()
}

type typeparam_issue48344_f_Foo[T any] struct {
}

// async
func (foo *typeparam_issue48344_f_Foo[T]) g() {
	rt.Sleep(0)

}

// async
func typeparam_issue48344_f_f[T any]() {
	rt.Sleep(0)
	v := []typeparam_issue48344_f_G[T]{}
	rt.Sleep(0)
	v = append(v, &typeparam_issue48344_f_Foo[T]{})
	rt.Sleep(0)
}

// async
func typeparam_issue48344_f__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue48344_f_f[int]()
	rt.Sleep(0)
}
