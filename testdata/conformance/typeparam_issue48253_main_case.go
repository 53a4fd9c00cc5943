// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue48253.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
	"reflect"
)

type typeparam_issue48253_main_A[T any] struct {
	typeparam_issue48253_main_B[int]
}

type typeparam_issue48253_main_B[T any] struct {
}

// async
func (b typeparam_issue48253_main_B[T]) Bat() {
	rt.Sleep(0)
	t := new(T)
	rt.Sleep(0)
	if tt := reflect.TypeOf(t); conformAwait(tt.Kind() != reflect.Pointer || tt.Elem().Kind() != reflect.Int) {
		rt.Sleep(0)
		panic("unexpected type, want: *int, got: " + tt.String())
	}
}

type typeparam_issue48253_main_Foo struct {
	typeparam_issue48253_main_A[string]
}

// async
func typeparam_issue48253_main_main() {
	rt.Sleep(0)
	typeparam_issue48253_main_Foo{}.typeparam_issue48253_main_A.Bat()
	rt.Sleep(0)
	typeparam_issue48253_main_Foo{}.typeparam_issue48253_main_A.typeparam_issue48253_main_B.Bat()
	rt.Sleep(0)
	typeparam_issue48253_main_Foo{}.Bat()
	rt.Sleep(0)
}

// async
func typeparam_issue48253_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue48253_main_main()
	rt.Sleep(0)
}
