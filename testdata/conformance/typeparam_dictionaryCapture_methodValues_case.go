// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/dictionaryCapture.go (go1.26.8), case methodValues, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// async
func typeparam_dictionaryCapture_methodValues_is7(x int) {
	rt.Sleep(0)
	if conformAwait(x != 7) {
		rt.Sleep(0)
		println(x)
		rt.Sleep(0)
		panic("assertion failed")
	}
}

// async
func typeparam_dictionaryCapture_methodValues_is77(x, y int) {
	rt.Sleep(0)
	if conformAwait(x != 7 || y != 7) {
		rt.Sleep(0)
		println(x, y)
		rt.Sleep(0)
		panic("assertion failed")
	}
}

type typeparam_dictionaryCapture_methodValues_s[T any] struct {
	a T
}

// async
func (x typeparam_dictionaryCapture_methodValues_s[T]) g0() {
	rt.Sleep(0)
}

// async
func (x typeparam_dictionaryCapture_methodValues_s[T]) g1() T {
	rt.Sleep(0)
	return x.a
}

// async
func (x typeparam_dictionaryCapture_methodValues_s[T]) g2() (T, T) {
	rt.Sleep(0)
	return x.a, x.a
}

// async
func typeparam_dictionaryCapture_methodValues_methodValues() {
	rt.Sleep(0)
	x := typeparam_dictionaryCapture_methodValues_s[int]{a: 7}
	rt.Sleep(0)
	f0 := x.g0
	rt.Sleep(0)
	f0()
	rt.Sleep(0)
	f1 := x.g1
	rt.Sleep(0)
	typeparam_dictionaryCapture_methodValues_is7(f1())
	rt.Sleep(0)
	f2 := x.g2
	rt.Sleep(0)
	typeparam_dictionaryCapture_methodValues_is77(f2())
	rt.Sleep(0)
}

// async
func typeparam_dictionaryCapture_methodValues__run(t *conformT) {
	rt.Sleep(0)
	typeparam_dictionaryCapture_methodValues_methodValues()
	rt.Sleep(0)
}
