// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue48049.go (go1.26.8), case Gooer2, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_issue48049_Gooer2_Fooer[T any] interface {
	Foo(p T)
}

type typeparam_issue48049_Gooer2_fooer1[T any] struct{}

// async
func (typeparam_issue48049_Gooer2_fooer1[T]) Foo(T) { rt.Sleep(0) }

type typeparam_issue48049_Gooer2_fooer2[T any] struct {
	r []typeparam_issue48049_Gooer2_Fooer[T]
}

// async
//
//go:noinline
func (mr typeparam_issue48049_Gooer2_fooer2[T]) Foo(p T) {
	rt.Sleep(0)
	mr.r[0] = typeparam_issue48049_Gooer2_fooer1[T]{}
	rt.Sleep(0)
	return
}

// async
func typeparam_issue48049_Gooer2_Gooer2[T any]() typeparam_issue48049_Gooer2_Fooer[T] {
	rt.Sleep(0)
	return typeparam_issue48049_Gooer2_fooer2[T]{}
}

// async
func typeparam_issue48049_Gooer2__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue48049_Gooer2_Gooer2[byte]()
	rt.Sleep(0)
}
