// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue47716.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"unsafe"
)

// size returns the size of type T
// async
func typeparam_issue47716_main_size[T any](x T) uintptr {
	rt.Sleep(0)
	return unsafe.Sizeof(x)
}

// size returns the alignment of type T
// async
func typeparam_issue47716_main_align[T any](x T) uintptr {
	rt.Sleep(0)
	return unsafe.Alignof(x)
}

type typeparam_issue47716_main_Tstruct[T any] struct {
	f1 T
	f2 int
}

// offset returns the offset of field f2 in the generic type Tstruct
// async
func (r *typeparam_issue47716_main_Tstruct[T]) offset() uintptr {
	rt.Sleep(0)
	return unsafe.Offsetof(r.f2)
}

// async
func typeparam_issue47716_main_main() {
	rt.Sleep(0)
	v1 := int(5)
	rt.Sleep(0)
	if got, want := typeparam_issue47716_main_size(v1), unsafe.Sizeof(v1); conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d, want %d", got, want))
	}
	rt.Sleep(0)
	if got, want := typeparam_issue47716_main_align(v1), unsafe.Alignof(v1); conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d, want %d", got, want))
	}

	rt.Sleep(0)
	v2 := "abc"
	rt.Sleep(0)
	if got, want := typeparam_issue47716_main_size(v2), unsafe.Sizeof(v2); conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d, want %d", got, want))
	}
	rt.Sleep(0)
	if got, want := typeparam_issue47716_main_align(v2), unsafe.Alignof(v2); conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d, want %d", got, want))
	}

	rt.Sleep(0)
	var v3 typeparam_issue47716_main_Tstruct[int]
	rt.Sleep(0)
	if got, want := unsafe.Offsetof(v3.f2), unsafe.Sizeof(v1); conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d, want %d", got, want))
	}

	rt.Sleep(0)
	var v4 typeparam_issue47716_main_Tstruct[interface{}]
	rt.Sleep(0)
	var v5 interface{}
	rt.Sleep(0)
	if got, want := unsafe.Offsetof(v4.f2), unsafe.Sizeof(v5); conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d, want %d", got, want))
	}

	rt.Sleep(0)
	if got, want := v3.offset(), unsafe.Offsetof(v3.f2); conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d, want %d", got, want))
	}
	rt.Sleep(0)
	if got, want := v4.offset(), unsafe.Offsetof(v4.f2); conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d, want %d", got, want))
	}
}

// async
func typeparam_issue47716_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue47716_main_main()
	rt.Sleep(0)
}
