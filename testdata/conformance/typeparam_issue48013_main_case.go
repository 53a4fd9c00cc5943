// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue48013.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"unsafe"
)

// Test type substitution where base type is unsafe.Pointer
type typeparam_issue48013_main_U[T any] unsafe.Pointer

// async
func typeparam_issue48013_main_test[T any]() T {
	rt.Sleep(0)
	var q typeparam_issue48013_main_U[T]
	rt.Sleep(0)
	var v struct {
		// Test derived type that contains an unsafe.Pointer
		p   unsafe.Pointer
		val T
	}
	rt.Sleep(0)
	_ = q
	rt.Sleep(0)
	return v.val
}

// async
func typeparam_issue48013_main_main() {
	rt.Sleep(0)
	want := 0
	rt.Sleep(0)
	got := typeparam_issue48013_main_test[int]()
	rt.Sleep(0)
	if conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %f, want %f", got, want))
	}

}

// async
func typeparam_issue48013_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue48013_main_main()
	rt.Sleep(0)
}
