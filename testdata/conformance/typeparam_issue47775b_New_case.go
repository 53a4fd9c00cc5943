// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue47775b.go (go1.26.8), case New, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_issue47775b_New_C[T any] struct {
}

// async
func (c *typeparam_issue47775b_New_C[T]) reset() {
	rt.Sleep(0)
}

// async
func typeparam_issue47775b_New_New[T any]() {
	rt.Sleep(0)
	c := &typeparam_issue47775b_New_C[T]{}
	rt.Sleep(0)
	typeparam_issue47775b_New_i = c.reset
	rt.Sleep(0)
	typeparam_issue47775b_New_z(c.reset)
	rt.Sleep(0)
}

var typeparam_issue47775b_New_i interface{}

// async
func typeparam_issue47775b_New_z(interface{}) {
	rt.Sleep(0)
}

// async
func typeparam_issue47775b_New__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue47775b_New_New[int]()
	rt.Sleep(0)
}
