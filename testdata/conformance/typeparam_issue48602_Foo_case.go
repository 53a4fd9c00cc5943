// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue48602.go (go1.26.8), case Foo, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_issue48602_Foo_Iterator[T any] interface {
	Iterate(fn T)
}

type typeparam_issue48602_Foo_IteratorFunc[T any] func(fn T)

// async
func (f typeparam_issue48602_Foo_IteratorFunc[T]) Iterate(fn T) {
	rt.Sleep(0)
	f(fn)
	rt.Sleep(0)
}

// async
func typeparam_issue48602_Foo_Foo[R any]() {
	rt.Sleep(0)
	var _ typeparam_issue48602_Foo_Iterator[R] = typeparam_issue48602_Foo_IteratorFunc[R](nil)
	rt.Sleep(0)
}

// async
func typeparam_issue48602_Foo__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue48602_Foo_Foo[int]()
	rt.Sleep(0)
}
