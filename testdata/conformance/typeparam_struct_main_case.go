// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/struct.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_struct_main_E[T any] struct {
	v T
}

type typeparam_struct_main_S1 struct {
	typeparam_struct_main_E[int]
	v string
}

type typeparam_struct_main_Eint = typeparam_struct_main_E[int]

type typeparam_struct_main_Ebool = typeparam_struct_main_E[bool]

type typeparam_struct_main_S2 struct {
	typeparam_struct_main_Eint
	typeparam_struct_main_Ebool
	v string
}

type typeparam_struct_main_S3 struct {
	*typeparam_struct_main_E[int]
}

// async
func typeparam_struct_main_main() {
	rt.Sleep(0)
	s1 := typeparam_struct_main_S1{typeparam_struct_main_Eint{2}, "foo"}
	rt.Sleep(0)
	if got, want := s1.typeparam_struct_main_E.v, 2; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d, want %d", got, want))
	}
	rt.Sleep(0)
	s2 := typeparam_struct_main_S2{typeparam_struct_main_Eint{3}, typeparam_struct_main_Ebool{true}, "foo"}
	rt.Sleep(0)
	if got, want := s2.typeparam_struct_main_Eint.v, 3; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d, want %d", got, want))
	}
	rt.Sleep(0)
	var s3 typeparam_struct_main_S3
	rt.Sleep(0)
	s3.typeparam_struct_main_E = &typeparam_struct_main_Eint{4}
	rt.Sleep(0)
	if got, want := s3.typeparam_struct_main_E.v, 4; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d, want %d", got, want))
	}
}

// async
func typeparam_struct_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_struct_main_main()
	rt.Sleep(0)
}
