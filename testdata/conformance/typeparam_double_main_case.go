// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/double.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"reflect"
)

type typeparam_double_main_Number interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64
}

type typeparam_double_main_MySlice []int

type typeparam_double_main_MyFloatSlice []float64

type typeparam_double_main__SliceOf[E any] interface {
	~[]E
}

// async
func typeparam_double_main__DoubleElems[S typeparam_double_main__SliceOf[E], E typeparam_double_main_Number](s S) S {
	rt.Sleep(0)
	r := make(S, len(s))
	rt.Sleep(0)
	for i, v := range s {
		rt.Sleep(0)
		r[i] = v + v
		rt.Sleep(0)
	}
	rt.Sleep(0)
	return r
}

// Test use of untyped constant in an expression with a generically-typed parameter
// async
func typeparam_double_main__DoubleElems2[S typeparam_double_main__SliceOf[E], E typeparam_double_main_Number](s S) S {
	rt.Sleep(0)
	r := make(S, len(s))
	rt.Sleep(0)
	for i, v := range s {
		rt.Sleep(0)
		r[i] = v * 2
		rt.Sleep(0)
	}
	rt.Sleep(0)
	return r
}

// async
func typeparam_double_main_main() {
	rt.Sleep(0)
	arg := typeparam_double_main_MySlice{1, 2, 3}
	rt.Sleep(0)
	want := typeparam_double_main_MySlice{2, 4, 6}
	rt.Sleep(0)
	got := typeparam_double_main__DoubleElems[typeparam_double_main_MySlice, int](arg)
	rt.Sleep(0)
	if conformAwait(!reflect.DeepEqual(got, want)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %s, want %s", got, want))
	}

	// constraint type inference
	rt.Sleep(0)
	got = typeparam_double_main__DoubleElems[typeparam_double_main_MySlice](arg)
	rt.Sleep(0)
	if conformAwait(!reflect.DeepEqual(got, want)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %s, want %s", got, want))
	}

	rt.Sleep(0)
	got = typeparam_double_main__DoubleElems(arg)
	rt.Sleep(0)
	if conformAwait(!reflect.DeepEqual(got, want)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %s, want %s", got, want))
	}

	rt.Sleep(0)
	farg := typeparam_double_main_MyFloatSlice{1.2, 2.0, 3.5}
	rt.Sleep(0)
	fwant := typeparam_double_main_MyFloatSlice{2.4, 4.0, 7.0}
	rt.Sleep(0)
	fgot := typeparam_double_main__DoubleElems(farg)
	rt.Sleep(0)
	if conformAwait(!reflect.DeepEqual(fgot, fwant)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %s, want %s", fgot, fwant))
	}

	rt.Sleep(0)
	fgot = typeparam_double_main__DoubleElems2(farg)
	rt.Sleep(0)
	if conformAwait(!reflect.DeepEqual(fgot, fwant)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %s, want %s", fgot, fwant))
	}
}

// async
func typeparam_double_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_double_main_main()
	rt.Sleep(0)
}
