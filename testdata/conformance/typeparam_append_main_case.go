// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/append.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_append_main_Recv <-chan int

type typeparam_append_main_sliceOf[E any] interface {
	~[]E
}

// async
func typeparam_append_main__Append[S typeparam_append_main_sliceOf[T], T any](s S, t ...T) S {
	rt.Sleep(0)
	return append(s, t...)
}

// async
func typeparam_append_main_main() {
	rt.Sleep(0)
	recv := make(typeparam_append_main_Recv)
	rt.Sleep(0)
	a := typeparam_append_main__Append([]typeparam_append_main_Recv{recv}, recv)
	rt.Sleep(0)
	if conformAwait(len(a) != 2 || a[0] != recv || a[1] != recv) {
		rt.Sleep(0)
		panic(a)
	}

	rt.Sleep(0)
	recv2 := make(chan<- int)
	rt.Sleep(0)
	a2 := typeparam_append_main__Append([]chan<- int{recv2}, recv2)
	rt.Sleep(0)
	if conformAwait(len(a2) != 2 || a2[0] != recv2 || a2[1] != recv2) {
		rt.Sleep(0)
		panic(a)
	}
}

// async
func typeparam_append_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_append_main_main()
	rt.Sleep(0)
}
