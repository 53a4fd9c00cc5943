// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/dictionaryCapture.go (go1.26.8), case genMethodExpressions, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_dictionaryCapture_genMethodExpressions_s[T any] struct {
	a T
}

// async
func (x typeparam_dictionaryCapture_genMethodExpressions_s[T]) g0() {
	rt.Sleep(0)
}

// async
func (x typeparam_dictionaryCapture_genMethodExpressions_s[T]) g1() T {
	rt.Sleep(0)
	return x.a
}

// async
func (x typeparam_dictionaryCapture_genMethodExpressions_s[T]) g2() (T, T) {
	rt.Sleep(0)
	return x.a, x.a
}

// async
func typeparam_dictionaryCapture_genMethodExpressions_genMethodExpressions[T comparable](want T) {
	rt.Sleep(0)
	x := typeparam_dictionaryCapture_genMethodExpressions_s[T]{a: want}
	rt.Sleep(0)
	f0 := typeparam_dictionaryCapture_genMethodExpressions_s[T].g0
	rt.Sleep(0)
	f0(x)
	rt.Sleep(0)
	f0p := (*typeparam_dictionaryCapture_genMethodExpressions_s[T]).g0
	rt.Sleep(0)
	f0p(&x)
	rt.Sleep(0)
	f1 := typeparam_dictionaryCapture_genMethodExpressions_s[T].g1
	rt.Sleep(0)
	if got := f1(x); conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("f1(x) == %d, want %d", got, want))
	}
	rt.Sleep(0)
	f1p := (*typeparam_dictionaryCapture_genMethodExpressions_s[T]).g1
	rt.Sleep(0)
	if got := f1p(&x); conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("f1p(&x) == %d, want %d", got, want))
	}
	rt.Sleep(0)
	f2 := typeparam_dictionaryCapture_genMethodExpressions_s[T].g2
	rt.Sleep(0)
	if got1, got2 := f2(x); conformAwait(got1 != want || got2 != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("f2(x) == %d, %d, want %d, %d", got1, got2, want, want))
	}
}

// async
func typeparam_dictionaryCapture_genMethodExpressions__run(t *conformT) {
	rt.Sleep(0)
	typeparam_dictionaryCapture_genMethodExpressions_genMethodExpressions[int](7)
	rt.Sleep(0)
}
