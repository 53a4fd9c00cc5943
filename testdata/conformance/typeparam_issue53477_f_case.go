// Copyright 2022 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue53477.go (go1.26.8), case f, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_issue53477_f_Mer[T any] interface{ M(T) }

type typeparam_issue53477_f_MNer[T any] interface {
	typeparam_issue53477_f_Mer[T]
	N()
}

type typeparam_issue53477_f_X int

// async
func (typeparam_issue53477_f_X) M(typeparam_issue53477_f_X) { rt.Sleep(0) }

// async
func (typeparam_issue53477_f_X) N() { rt.Sleep(0) }

// async
func typeparam_issue53477_f_f[T typeparam_issue53477_f_MNer[T]](t T) {
	rt.Sleep(0)
	switch typeparam_issue53477_f_Mer[T](t) {
	case typeparam_issue53477_f_MNer[T](t):
		rt.Sleep(0)
		// ok
	default:
		rt.Sleep(0)
		panic("FAIL")
	}
}

// async
func typeparam_issue53477_f__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue53477_f_f[typeparam_issue53477_f_X](0)
	rt.Sleep(0)
}
