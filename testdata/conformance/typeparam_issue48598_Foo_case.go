// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue48598.go (go1.26.8), case Foo, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_issue48598_Foo_Iterator[T any] interface {
	Iterate()
}

type typeparam_issue48598_Foo_IteratorFunc[T any] func(fn func(T) bool)

// async
func (f typeparam_issue48598_Foo_IteratorFunc[T]) Iterate() {
	rt.Sleep(0)
}

// async
func typeparam_issue48598_Foo_FromIterator[T any](it typeparam_issue48598_Foo_Iterator[T]) {
	rt.Sleep(0)
	it.Iterate()
	rt.Sleep(0)
}

// async
func typeparam_issue48598_Foo_Foo[T, R any]() {
	rt.Sleep(0)
	typeparam_issue48598_Foo_FromIterator[R](typeparam_issue48598_Foo_IteratorFunc[R](nil))
	rt.Sleep(0)
}

// async
func typeparam_issue48598_Foo__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue48598_Foo_Foo[int, int]()
	rt.Sleep(0)
}
