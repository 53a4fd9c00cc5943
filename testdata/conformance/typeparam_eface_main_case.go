// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/eface.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_eface_main_E[T any] interface {
}

// async
//
//go:noinline
func typeparam_eface_main_f[T any](x typeparam_eface_main_E[T]) interface{} {
	rt.Sleep(0)
	return x
}

// async
//
//go:noinline
func typeparam_eface_main_g[T any](x interface{}) typeparam_eface_main_E[T] {
	rt.Sleep(0)
	return x
}

type typeparam_eface_main_I[T any] interface {
	foo()
}

type typeparam_eface_main_myint int

// async
func (x typeparam_eface_main_myint) foo() { rt.Sleep(0) }

// async
//
//go:noinline
func typeparam_eface_main_h[T any](x typeparam_eface_main_I[T]) interface{ foo() } {
	rt.Sleep(0)
	return x
}

// async
//
//go:noinline
func typeparam_eface_main_i[T any](x interface{ foo() }) typeparam_eface_main_I[T] {
	rt.Sleep(0)
	return x
}

// async
func typeparam_eface_main_main() {
	rt.Sleep(0)
	if conformAwait(typeparam_eface_main_f[int](1) != 1) {
		rt.Sleep(0)
		println("test 1 failed")
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(typeparam_eface_main_f[int](2) != (interface{})(2)) {
		rt.Sleep(0)
		println("test 2 failed")
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(typeparam_eface_main_g[int](3) != 3) {
		rt.Sleep(0)
		println("test 3 failed")
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(typeparam_eface_main_g[int](4) != (typeparam_eface_main_E[int])(4)) {
		rt.Sleep(0)
		println("test 4 failed")
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(typeparam_eface_main_h[int](typeparam_eface_main_myint(5)) != typeparam_eface_main_myint(5)) {
		rt.Sleep(0)
		println("test 5 failed")
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(typeparam_eface_main_h[int](typeparam_eface_main_myint(6)) != interface{ foo() }(typeparam_eface_main_myint(6))) {
		rt.Sleep(0)
		println("test 6 failed")
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(typeparam_eface_main_i[int](typeparam_eface_main_myint(7)) != typeparam_eface_main_myint(7)) {
		rt.Sleep(0)
		println("test 7 failed")
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(typeparam_eface_main_i[int](typeparam_eface_main_myint(8)) != typeparam_eface_main_I[int](typeparam_eface_main_myint(8))) {
		rt.Sleep(0)
		println("test 8 failed")
		rt.Sleep(0)
	}
}

// async
func typeparam_eface_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_eface_main_main()
	rt.Sleep(0)
}
