// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue49049.go (go1.26.8), case test, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_issue49049_test_A[T any] interface {
	m()
}

type typeparam_issue49049_test_Z struct {
	a, b int
}

// async
func (z *typeparam_issue49049_test_Z) m() {
	rt.Sleep(0)
}

// async
func typeparam_issue49049_test_test[T any]() {
	rt.Sleep(0)
	var a typeparam_issue49049_test_A[T] = &typeparam_issue49049_test_Z{}
	rt.Sleep(0)
	f := a.m
	rt.Sleep(0)
	f()
	rt.Sleep(0)
}

// async
func typeparam_issue49049_test__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue49049_test_test[string]()
	rt.Sleep(0)
}
