// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue50264.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_issue50264_main_hello struct{}

// async
func typeparam_issue50264_main_main() {
	rt.Sleep(0)
	_ = typeparam_issue50264_main_Some(typeparam_issue50264_main_hello{})
	rt.Sleep(0)
	res := typeparam_issue50264_main_Applicative2(func(a int, b int) int {
		return 0
	})
	rt.Sleep(0)
	_ = res
	rt.Sleep(0)
}

type typeparam_issue50264_main_NoneType[T any] struct{}

// async
func (r typeparam_issue50264_main_NoneType[T]) Recover() any {
	rt.Sleep(0)
	return nil
}

type typeparam_issue50264_main_Func2[A1, A2, R any] func(a1 A1, a2 A2) R

// async
func typeparam_issue50264_main_Some[T any](v T) any {
	rt.Sleep(0)
	_ = typeparam_issue50264_main_Some2[T](v)
	rt.Sleep(0)
	return typeparam_issue50264_main_NoneType[T]{}.Recover()
}

// async
//
//go:noinline
func typeparam_issue50264_main_Some2[T any](v T) any {
	rt.Sleep(0)
	return v
}

type typeparam_issue50264_main_Nil struct{}

type typeparam_issue50264_main_ApplicativeFunctor2[H, HT, A1, A2, R any] struct {
	h any
}

// async
func typeparam_issue50264_main_Applicative2[A1, A2, R any](fn typeparam_issue50264_main_Func2[A1, A2, R]) typeparam_issue50264_main_ApplicativeFunctor2[typeparam_issue50264_main_Nil, typeparam_issue50264_main_Nil, A1, A2, R] {
	rt.Sleep(0)
	return typeparam_issue50264_main_ApplicativeFunctor2[typeparam_issue50264_main_Nil, typeparam_issue50264_main_Nil, A1, A2, R]{typeparam_issue50264_main_Some(typeparam_issue50264_main_Nil{})}
}

// async
func typeparam_issue50264_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue50264_main_main()
	rt.Sleep(0)
}
