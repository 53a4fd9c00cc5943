// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/pair.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"unsafe"
)

type typeparam_pair_main_pair[F1, F2 any] struct {
	f1 F1
	f2 F2
}

// async
func typeparam_pair_main_main() {
	rt.Sleep(0)
	p := typeparam_pair_main_pair[int32, int64]{1, 2}
	rt.Sleep(0)
	if got, want := unsafe.Sizeof(p.f1), uintptr(4); conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("unexpected f1 size == %d, want %d", got, want))
	}
	rt.Sleep(0)
	if got, want := unsafe.Sizeof(p.f2), uintptr(8); conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("unexpected f2 size == %d, want %d", got, want))
	}

	rt.Sleep(0)
	type mypair struct {
		f1 int32
		f2 int64
	}
	rt.Sleep(0)
	mp := mypair(p)
	rt.Sleep(0)
	if conformAwait(mp.f1 != 1 || mp.f2 != 2) {
		rt.Sleep(0)
		panic(fmt.Sprintf("mp == %#v, want %#v", mp, mypair{1, 2}))
	}
}

// async
func typeparam_pair_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_pair_main_main()
	rt.Sleep(0)
}
