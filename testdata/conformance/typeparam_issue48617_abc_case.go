// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue48617.go (go1.26.8), case abc, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_issue48617_abc_Foo[T any] interface {
	CreateBar() typeparam_issue48617_abc_Bar[T]
}

type typeparam_issue48617_abc_Bar[T any] func() typeparam_issue48617_abc_Bar[T]

// async
func (f typeparam_issue48617_abc_Bar[T]) CreateBar() typeparam_issue48617_abc_Bar[T] {
	rt.Sleep(0)
	return f
}

// async
func typeparam_issue48617_abc_abc[T any]() {
	rt.Sleep(0)
	var b typeparam_issue48617_abc_Bar[T] = func() typeparam_issue48617_abc_Bar[T] {
		var b typeparam_issue48617_abc_Bar[T]
		return b
	}
	rt.Sleep(0)
	var _ typeparam_issue48617_abc_Foo[T] = b()
	rt.Sleep(0)
}

// async
func typeparam_issue48617_abc__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue48617_abc_abc[int]()
	rt.Sleep(0)
}
