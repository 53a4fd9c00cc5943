// Copyright 2022 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue54225.go (go1.26.8), case One, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// async
func typeparam_issue54225_One_One[V typeparam_issue54225_One_Value]() {
	rt.Sleep(0)
	typeparam_issue54225_One_Two[typeparam_issue54225_One_Node[V]]()
	rt.Sleep(0)
}

// async
func typeparam_issue54225_One_Two[V interface{ contentLen() int }]() {
	rt.Sleep(0)
	var v V
	rt.Sleep(0)
	v.contentLen()
	rt.Sleep(0)
}

type typeparam_issue54225_One_Value interface {
	Len() int
}

type typeparam_issue54225_One_Node[V typeparam_issue54225_One_Value] struct{}

// async
func (typeparam_issue54225_One_Node[V]) contentLen() int {
	rt.Sleep(0)
	var value V
	rt.Sleep(0)
	return value.Len()
}

type typeparam_issue54225_One_TextValue struct{}

// async
func (typeparam_issue54225_One_TextValue) Len() int { rt.Sleep(0); return 0 }

// async
func typeparam_issue54225_One__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue54225_One_One[typeparam_issue54225_One_TextValue]()
	rt.Sleep(0)
}
