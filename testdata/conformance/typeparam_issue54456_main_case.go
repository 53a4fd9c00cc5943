// Copyright 2022 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue54456.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
	"reflect"
)

// async
func typeparam_issue54456_main_one() any {
	rt.Sleep(0)
	type T[_ any] int
	rt.Sleep(0)
	return T[int](0)
}

// async
func typeparam_issue54456_main_two() any {
	rt.Sleep(0)
	type T[_ any] int
	rt.Sleep(0)
	return T[int](0)
}

// async
func typeparam_issue54456_main_main() {
	rt.Sleep(0)
	p, q := typeparam_issue54456_main_one(), typeparam_issue54456_main_two()

	// p and q have different dynamic types; this comparison should
	// evaluate false.
	rt.Sleep(0)
	if conformAwait(p == q) {
		rt.Sleep(0)
		panic("bad type identity")
	}

	rt.Sleep(0)
	for _, x := range []any{p, q} {
		// The names here should not contain "·1" or "·2".
		rt.Sleep(0)
		if name := reflect.TypeOf(x).String(); conformAwait(name != "main.T[int]") {
			rt.Sleep(0)
			panic(name)
		}
	}
}

// async
func typeparam_issue54456_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue54456_main_main()
	rt.Sleep(0)
}
