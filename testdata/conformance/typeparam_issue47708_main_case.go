// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue47708.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// async
func typeparam_issue47708_main_main() {
	rt.Sleep(0)
	// For now, a lone type parameter is not permitted as RHS in a type declaration (issue #45639).
	// var baz Baz[int] = 123
	// var bob Bob[int] = 456
	//
	// if got, want := baz.Foo(bob), "123456"; got != want {
	// 	panic(fmt.Sprintf("got %s want %s", got, want))
	// }
}

// async
func typeparam_issue47708_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue47708_main_main()
	rt.Sleep(0)
}
