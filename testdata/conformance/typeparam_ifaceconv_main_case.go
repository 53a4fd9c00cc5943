// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/ifaceconv.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_ifaceconv_main_E interface{}

// async
func typeparam_ifaceconv_main_f[T any](x T) interface{} {
	rt.Sleep(0)
	var i interface{} = x
	rt.Sleep(0)
	return i
}

// async
func typeparam_ifaceconv_main_fs[T any](x T) interface{} {
	rt.Sleep(0)
	y := []T{x}
	rt.Sleep(0)
	var i interface{} = y
	rt.Sleep(0)
	return i
}

// async
func typeparam_ifaceconv_main_g[T any](x T) typeparam_ifaceconv_main_E {
	rt.Sleep(0)
	var i typeparam_ifaceconv_main_E = x
	rt.Sleep(0)
	return i
}

type typeparam_ifaceconv_main_C interface {
	foo() int
}

type typeparam_ifaceconv_main_myInt int

// async
func (x typeparam_ifaceconv_main_myInt) foo() int {
	rt.Sleep(0)
	return int(x + 1)
}

// async
func typeparam_ifaceconv_main_h[T typeparam_ifaceconv_main_C](x T) interface{ foo() int } {
	rt.Sleep(0)
	var i interface{ foo() int } = x
	rt.Sleep(0)
	return i
}

// async
func typeparam_ifaceconv_main_i[T typeparam_ifaceconv_main_C](x T) typeparam_ifaceconv_main_C {
	rt.Sleep(0)
	var i typeparam_ifaceconv_main_C = x // conversion in assignment
	rt.Sleep(0)
	return i
}

// async
func typeparam_ifaceconv_main_j[T typeparam_ifaceconv_main_C](t T) typeparam_ifaceconv_main_C {
	rt.Sleep(0)
	return typeparam_ifaceconv_main_C(t) // explicit conversion
}

// async
func typeparam_ifaceconv_main_js[T any](x T) interface{} {
	rt.Sleep(0)
	y := []T{x}
	rt.Sleep(0)
	return interface{}(y)
}

// async
func typeparam_ifaceconv_main_main() {
	rt.Sleep(0)
	if got, want := typeparam_ifaceconv_main_f[int](7), 7; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d want %d", got, want))
	}
	rt.Sleep(0)
	if got, want := typeparam_ifaceconv_main_fs[int](7), []int{7}; conformAwait(got.([]int)[0] != want[0]) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d want %d", got, want))
	}
	rt.Sleep(0)
	if got, want := typeparam_ifaceconv_main_g[int](7), 7; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d want %d", got, want))
	}
	rt.Sleep(0)
	if got, want := typeparam_ifaceconv_main_h[typeparam_ifaceconv_main_myInt](7).foo(), 8; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d want %d", got, want))
	}
	rt.Sleep(0)
	if got, want := typeparam_ifaceconv_main_i[typeparam_ifaceconv_main_myInt](7).foo(), 8; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d want %d", got, want))
	}
	rt.Sleep(0)
	if got, want := typeparam_ifaceconv_main_j[typeparam_ifaceconv_main_myInt](7).foo(), 8; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d want %d", got, want))
	}
	rt.Sleep(0)
	if got, want := typeparam_ifaceconv_main_js[int](7), []int{7}; conformAwait(got.([]int)[0] != want[0]) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d want %d", got, want))
	}
}

// async
func typeparam_ifaceconv_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_ifaceconv_main_main()
	rt.Sleep(0)
}
