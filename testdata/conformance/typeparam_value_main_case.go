// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/value.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_value_main_value[T any] struct {
	val T
}

// async
func typeparam_value_main_get[T any](v *typeparam_value_main_value[T]) T {
	rt.Sleep(0)
	return v.val
}

// async
func typeparam_value_main_set[T any](v *typeparam_value_main_value[T], val T) {
	rt.Sleep(0)
	v.val = val
	rt.Sleep(0)
}

// async
func (v *typeparam_value_main_value[T]) set(val T) {
	rt.Sleep(0)
	v.val = val
	rt.Sleep(0)
}

// async
func (v *typeparam_value_main_value[T]) get() T {
	rt.Sleep(0)
	return v.val
}

// async
func typeparam_value_main_main() {
	rt.Sleep(0)
	var v1 typeparam_value_main_value[int]
	rt.Sleep(0)
	typeparam_value_main_set(&v1, 1)
	rt.Sleep(0)
	if got, want := typeparam_value_main_get(&v1), 1; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("get() == %d, want %d", got, want))
	}

	rt.Sleep(0)
	v1.set(2)
	rt.Sleep(0)
	if got, want := v1.get(), 2; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("get() == %d, want %d", got, want))
	}

	rt.Sleep(0)
	v1p := new(typeparam_value_main_value[int])
	rt.Sleep(0)
	typeparam_value_main_set(v1p, 3)
	rt.Sleep(0)
	if got, want := typeparam_value_main_get(v1p), 3; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("get() == %d, want %d", got, want))
	}

	rt.Sleep(0)
	v1p.set(4)
	rt.Sleep(0)
	if got, want := v1p.get(), 4; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("get() == %d, want %d", got, want))
	}

	rt.Sleep(0)
	var v2 typeparam_value_main_value[string]
	rt.Sleep(0)
	typeparam_value_main_set(&v2, "a")
	rt.Sleep(0)
	if got, want := typeparam_value_main_get(&v2), "a"; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("get() == %q, want %q", got, want))
	}

	rt.Sleep(0)
	v2.set("b")
	rt.Sleep(0)
	if got, want := typeparam_value_main_get(&v2), "b"; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("get() == %q, want %q", got, want))
	}

	rt.Sleep(0)
	v2p := new(typeparam_value_main_value[string])
	rt.Sleep(0)
	typeparam_value_main_set(v2p, "c")
	rt.Sleep(0)
	if got, want := typeparam_value_main_get(v2p), "c"; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("get() == %d, want %d", got, want))
	}

	rt.Sleep(0)
	v2p.set("d")
	rt.Sleep(0)
	if got, want := v2p.get(), "d"; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("get() == %d, want %d", got, want))
	}
}

// async
func typeparam_value_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_value_main_main()
	rt.Sleep(0)
}
