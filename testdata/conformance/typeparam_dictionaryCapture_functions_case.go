// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/dictionaryCapture.go (go1.26.8), case functions, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// async
func typeparam_dictionaryCapture_functions_g0[T any](x T) {
	rt.Sleep(0)
}

// async
func typeparam_dictionaryCapture_functions_g1[T any](x T) T {
	rt.Sleep(0)
	return x
}

// async
func typeparam_dictionaryCapture_functions_g2[T any](x T) (T, T) {
	rt.Sleep(0)
	return x, x
}

// async
func typeparam_dictionaryCapture_functions_functions() {
	rt.Sleep(0)
	f0 := typeparam_dictionaryCapture_functions_g0[int]
	rt.Sleep(0)
	f0(7)
	rt.Sleep(0)
	f1 := typeparam_dictionaryCapture_functions_g1[int]
	rt.Sleep(0)
	typeparam_dictionaryCapture_functions_is7(f1(7))
	rt.Sleep(0)
	f2 := typeparam_dictionaryCapture_functions_g2[int]
	rt.Sleep(0)
	typeparam_dictionaryCapture_functions_is77(f2(7))
	rt.Sleep(0)
}

// async
func typeparam_dictionaryCapture_functions_is7(x int) {
	rt.Sleep(0)
	if conformAwait(x != 7) {
		rt.Sleep(0)
		println(x)
		rt.Sleep(0)
		panic("assertion failed")
	}
}

// async
func typeparam_dictionaryCapture_functions_is77(x, y int) {
	rt.Sleep(0)
	if conformAwait(x != 7 || y != 7) {
		rt.Sleep(0)
		println(x, y)
		rt.Sleep(0)
		panic("assertion failed")
	}
}

// async
func typeparam_dictionaryCapture_functions__run(t *conformT) {
	rt.Sleep(0)
	typeparam_dictionaryCapture_functions_functions()
	rt.Sleep(0)
}
