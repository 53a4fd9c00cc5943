// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue50109b.go (go1.26.8), case F, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// async
func typeparam_issue50109b_F_F[T any]() typeparam_issue50109b_F_I[T] {
	rt.Sleep(0)
	return (*typeparam_issue50109b_F_S1[T])(nil)
}

type typeparam_issue50109b_F_I[T any] interface{}

type typeparam_issue50109b_F_S1[T any] struct {
	*typeparam_issue50109b_F_S2[T]
}

type typeparam_issue50109b_F_S2[T any] struct {
	S3 *typeparam_issue50109b_F_S3[T]
}

type typeparam_issue50109b_F_S3[T any] struct {
	x int
}

// async
func typeparam_issue50109b_F__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue50109b_F_F[any]()
	rt.Sleep(0)
}
