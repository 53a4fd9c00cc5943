// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue48047.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_issue48047_main_A[T any] struct {
	field typeparam_issue48047_main_B[T]
}

type typeparam_issue48047_main_B[T any] interface {
	Work(T)
}

// async
func (a *typeparam_issue48047_main_A[T]) Work(t T) {
	rt.Sleep(0)
	a.field.Work(t)
	rt.Sleep(0)
}

type typeparam_issue48047_main_BImpl struct{}

// async
func (b typeparam_issue48047_main_BImpl) Work(s string) { rt.Sleep(0) }

// async
func typeparam_issue48047_main_main() {
	rt.Sleep(0)
	a := &typeparam_issue48047_main_A[string]{
		field: typeparam_issue48047_main_BImpl{},
	}
	rt.Sleep(0)
	a.Work("")
	rt.Sleep(0)
}

// async
func typeparam_issue48047_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue48047_main_main()
	rt.Sleep(0)
}
