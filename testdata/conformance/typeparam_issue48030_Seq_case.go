// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue48030.go (go1.26.8), case Seq, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_issue48030_Seq_Src[T any] func() typeparam_issue48030_Seq_Src[T]

// async
func typeparam_issue48030_Seq_Seq[T any]() typeparam_issue48030_Seq_Src[T] {
	rt.Sleep(0)
	return nil
}

// async
func typeparam_issue48030_Seq__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue48030_Seq_Seq[int]()
	rt.Sleep(0)
}
