// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/interfacearg.go (go1.26.8), case F, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_interfacearg_F_I interface{}

type typeparam_interfacearg_F__S[T any] struct {
	x *T
}

// F is a non-generic function, but has a type _S[I] which is instantiated from a
// generic type. Test that _S[I] is successfully exported.
// async
func typeparam_interfacearg_F_F() {
	rt.Sleep(0)
	v := typeparam_interfacearg_F__S[typeparam_interfacearg_F_I]{}
	rt.Sleep(0)
	if conformAwait(v.x != nil) {
		rt.Sleep(0)
		panic(v)
	}
}

// async
func typeparam_interfacearg_F__run(t *conformT) {
	rt.Sleep(0)
	typeparam_interfacearg_F_F()
	rt.Sleep(0)
}
