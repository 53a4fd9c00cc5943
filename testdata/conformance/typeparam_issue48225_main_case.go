// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue48225.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
	"reflect"
)

type typeparam_issue48225_main_Foo[T any] struct {
	val int
}

// async
func (foo typeparam_issue48225_main_Foo[T]) Get() *T {
	rt.Sleep(0)
	if conformAwait(foo.val != 1) {
		rt.Sleep(0)
		panic("bad val field in Foo receiver")
	}
	rt.Sleep(0)
	return new(T)
}

var (
	typeparam_issue48225_main_newInt    = typeparam_issue48225_main_Foo[int]{val: 1}.Get
	typeparam_issue48225_main_newString = typeparam_issue48225_main_Foo[string]{val: 1}.Get
)

// async
func typeparam_issue48225_main_main() {
	rt.Sleep(0)
	i := typeparam_issue48225_main_newInt()
	rt.Sleep(0)
	s := typeparam_issue48225_main_newString()

	rt.Sleep(0)
	if t := reflect.TypeOf(i).String(); conformAwait(t != "*int") {
		rt.Sleep(0)
		panic(t)
	}
	rt.Sleep(0)
	if t := reflect.TypeOf(s).String(); conformAwait(t != "*string") {
		rt.Sleep(0)
		panic(t)
	}
}

// async
func typeparam_issue48225_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue48225_main_main()
	rt.Sleep(0)
}
