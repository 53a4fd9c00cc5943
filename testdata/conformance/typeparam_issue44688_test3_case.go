// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue44688.go (go1.26.8), case test3, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_issue44688_test3_A[T any] struct{}

// async
func (*typeparam_issue44688_test3_A[T]) f(T) { rt.Sleep(0) }

type typeparam_issue44688_test3_B[T any] struct {
	typeparam_issue44688_test3_A[T]
}

// async
func typeparam_issue44688_test3_test3() {
	rt.Sleep(0)
	var b typeparam_issue44688_test3_B[string]
	rt.Sleep(0)
	b.typeparam_issue44688_test3_A.f("")
	rt.Sleep(0)
	b.f("")
	rt.Sleep(0)
}

// async
func typeparam_issue44688_test3__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue44688_test3_test3()
	rt.Sleep(0)
}
