// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue48030.go (go1.26.8), case Seq2, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_issue48030_Seq2_Src[T any] func() typeparam_issue48030_Seq2_Src[T]

// async
func typeparam_issue48030_Seq2_Seq2[T1 any, T2 any](v1 T1, v2 T2) typeparam_issue48030_Seq2_Src[T2] {
	rt.Sleep(0)
	return nil
}

// async
func typeparam_issue48030_Seq2__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue48030_Seq2_Seq2[int](5, "abc")
	rt.Sleep(0)
}
