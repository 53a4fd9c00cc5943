// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/genembed.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_genembed_main_A[T any] struct {
	typeparam_genembed_main_B[T]
}

type typeparam_genembed_main_B[T any] struct {
	val T
}

// async
func (b *typeparam_genembed_main_B[T]) get() T {
	rt.Sleep(0)
	return b.val
}

type typeparam_genembed_main_getter[T any] interface {
	get() T
}

// async
//
//go:noinline
func typeparam_genembed_main_doGet[T any](i typeparam_genembed_main_getter[T]) T {
	rt.Sleep(0)
	return i.get()
}

// async
//
//go:noline
func typeparam_genembed_main_doGet2[T any](i interface{}) T {
	rt.Sleep(0)
	i2 := i.(typeparam_genembed_main_getter[T])
	rt.Sleep(0)
	return i2.get()
}

// async
func typeparam_genembed_main_main() {
	rt.Sleep(0)
	a := typeparam_genembed_main_A[int]{typeparam_genembed_main_B: typeparam_genembed_main_B[int]{3}}
	rt.Sleep(0)
	var i typeparam_genembed_main_getter[int] = &a

	rt.Sleep(0)
	if got, want := typeparam_genembed_main_doGet(i), 3; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %v, want %v", got, want))
	}

	rt.Sleep(0)
	as := typeparam_genembed_main_A[string]{typeparam_genembed_main_B: typeparam_genembed_main_B[string]{"abc"}}
	rt.Sleep(0)
	if got, want := typeparam_genembed_main_doGet2[string](&as), "abc"; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %v, want %v", got, want))
	}
}

// async
func typeparam_genembed_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_genembed_main_main()
	rt.Sleep(0)
}
