// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/adder.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_adder_main_AddType interface {
	int | int64 | string
}

// Add can add numbers or strings
// async
func typeparam_adder_main_Add[T typeparam_adder_main_AddType](a, b T) T {
	rt.Sleep(0)
	return a + b
}

// async
func typeparam_adder_main_main() {
	rt.Sleep(0)
	if got, want := typeparam_adder_main_Add(5, 3), 8; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d, want %d", got, want))
	}
	rt.Sleep(0)
	if got, want := typeparam_adder_main_Add("ab", "cd"), "abcd"; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d, want %d", got, want))
	}
}

// async
func typeparam_adder_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_adder_main_main()
	rt.Sleep(0)
}
