// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue48137.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_issue48137_main_Constraint[T any] interface {
	~func() T
}

// async
func typeparam_issue48137_main_Foo[T typeparam_issue48137_main_Constraint[T]]() T {
	rt.Sleep(0)
	var t T

	rt.Sleep(0)
	t = func() T {
		return t
	}
	rt.Sleep(0)
	return t
}

// async
func typeparam_issue48137_main_main() {
	rt.Sleep(0)
	type Bar func() Bar
	rt.Sleep(0)
	typeparam_issue48137_main_Foo[Bar]()
	rt.Sleep(0)
}

// async
func typeparam_issue48137_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue48137_main_main()
	rt.Sleep(0)
}
