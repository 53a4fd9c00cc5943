// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/interfacearg.go (go1.26.8), case F2, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// Testing the various combinations of method expressions.
type typeparam_interfacearg_F2_S1 struct{}

// async
func (*typeparam_interfacearg_F2_S1) M() { rt.Sleep(0) }

type typeparam_interfacearg_F2_S2 struct{}

// async
func (typeparam_interfacearg_F2_S2) M() { rt.Sleep(0) }

// async
func typeparam_interfacearg_F2__F1[T interface{ M() }](t T) {
	rt.Sleep(0)
	_ = T.M
	rt.Sleep(0)
}

// async
func typeparam_interfacearg_F2_F2() {
	rt.Sleep(0)
	typeparam_interfacearg_F2__F1(&typeparam_interfacearg_F2_S1{})
	rt.Sleep(0)
	typeparam_interfacearg_F2__F1(typeparam_interfacearg_F2_S2{})
	rt.Sleep(0)
	typeparam_interfacearg_F2__F1(&typeparam_interfacearg_F2_S2{})
	rt.Sleep(0)
}

// async
func typeparam_interfacearg_F2__run(t *conformT) {
	rt.Sleep(0)
	typeparam_interfacearg_F2_F2()
	rt.Sleep(0)
}
