// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/dictionaryCapture.go (go1.26.8), case globals, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// async
func typeparam_dictionaryCapture_globals_g0[T any](x T) {
	rt.Sleep(0)
}

// async
func typeparam_dictionaryCapture_globals_g1[T any](x T) T {
	rt.Sleep(0)
	return x
}

// async
func typeparam_dictionaryCapture_globals_g2[T any](x T) (T, T) {
	rt.Sleep(0)
	return x, x
}

// async
func typeparam_dictionaryCapture_globals_is7(x int) {
	rt.Sleep(0)
	if conformAwait(x != 7) {
		rt.Sleep(0)
		println(x)
		rt.Sleep(0)
		panic("assertion failed")
	}
}

// async
func typeparam_dictionaryCapture_globals_is77(x, y int) {
	rt.Sleep(0)
	if conformAwait(x != 7 || y != 7) {
		rt.Sleep(0)
		println(x, y)
		rt.Sleep(0)
		panic("assertion failed")
	}
}

type typeparam_dictionaryCapture_globals_s[T any] struct {
	a T
}

// async
func (x typeparam_dictionaryCapture_globals_s[T]) g0() {
	rt.Sleep(0)
}

// async
func (x typeparam_dictionaryCapture_globals_s[T]) g1() T {
	rt.Sleep(0)
	return x.a
}

// async
func (x typeparam_dictionaryCapture_globals_s[T]) g2() (T, T) {
	rt.Sleep(0)
	return x.a, x.a
}

var typeparam_dictionaryCapture_globals_x interface {
	g0()
	g1() int
	g2() (int, int)
} = typeparam_dictionaryCapture_globals_s[int]{a: 7}

// Also check for instantiations outside functions.
var typeparam_dictionaryCapture_globals_gg0 = typeparam_dictionaryCapture_globals_g0[int]

var typeparam_dictionaryCapture_globals_gg1 = typeparam_dictionaryCapture_globals_g1[int]

var typeparam_dictionaryCapture_globals_gg2 = typeparam_dictionaryCapture_globals_g2[int]

var typeparam_dictionaryCapture_globals_hh0 = typeparam_dictionaryCapture_globals_s[int].g0

var typeparam_dictionaryCapture_globals_hh1 = typeparam_dictionaryCapture_globals_s[int].g1

var typeparam_dictionaryCapture_globals_hh2 = typeparam_dictionaryCapture_globals_s[int].g2

var typeparam_dictionaryCapture_globals_ii0 = typeparam_dictionaryCapture_globals_x.g0

var typeparam_dictionaryCapture_globals_ii1 = typeparam_dictionaryCapture_globals_x.g1

var typeparam_dictionaryCapture_globals_ii2 = typeparam_dictionaryCapture_globals_x.g2

// async
func typeparam_dictionaryCapture_globals_globals() {
	rt.Sleep(0)
	typeparam_dictionaryCapture_globals_gg0(7)
	rt.Sleep(0)
	typeparam_dictionaryCapture_globals_is7(typeparam_dictionaryCapture_globals_gg1(7))
	rt.Sleep(0)
	typeparam_dictionaryCapture_globals_is77(typeparam_dictionaryCapture_globals_gg2(7))
	rt.Sleep(0)
	x := typeparam_dictionaryCapture_globals_s[int]{a: 7}
	rt.Sleep(0)
	typeparam_dictionaryCapture_globals_hh0(x)
	rt.Sleep(0)
	typeparam_dictionaryCapture_globals_is7(typeparam_dictionaryCapture_globals_hh1(x))
	rt.Sleep(0)
	typeparam_dictionaryCapture_globals_is77(typeparam_dictionaryCapture_globals_hh2(x))
	rt.Sleep(0)
	typeparam_dictionaryCapture_globals_ii0()
	rt.Sleep(0)
	typeparam_dictionaryCapture_globals_is7(typeparam_dictionaryCapture_globals_ii1())
	rt.Sleep(0)
	typeparam_dictionaryCapture_globals_is77(typeparam_dictionaryCapture_globals_ii2())
	rt.Sleep(0)
}

// async
func typeparam_dictionaryCapture_globals__run(t *conformT) {
	rt.Sleep(0)
	typeparam_dictionaryCapture_globals_globals()
	rt.Sleep(0)
}
