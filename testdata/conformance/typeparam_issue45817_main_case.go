// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue45817.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_issue45817_main_s[T any] struct {
	a T
}

// async
func (x typeparam_issue45817_main_s[T]) f() T {
	rt.Sleep(0)
	return x.a
}

// async
func typeparam_issue45817_main_main() {
	rt.Sleep(0)
	x := typeparam_issue45817_main_s[int]{a: 7}
	rt.Sleep(0)
	f := x.f
	rt.Sleep(0)
	if got, want := f(), 7; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d, want %d", got, want))
	}
}

// async
func typeparam_issue45817_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue45817_main_main()
	rt.Sleep(0)
}
