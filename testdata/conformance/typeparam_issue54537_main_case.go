// Copyright 2022 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue54537.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// async
func typeparam_issue54537_main_main() {
	rt.Sleep(0)
	_ = typeparam_issue54537_main_F[bool]

	rt.Sleep(0)
	var x string
	rt.Sleep(0)
	_ = typeparam_issue54537_main_G(x == "foo")
	rt.Sleep(0)
}

// async
func typeparam_issue54537_main_F[T ~bool](x string) {
	rt.Sleep(0)
	var _ T = x == "foo"
	rt.Sleep(0)
}

// async
func typeparam_issue54537_main_G[T any](t T) *T {
	rt.Sleep(0)
	return &t
}

// async
func typeparam_issue54537_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue54537_main_main()
	rt.Sleep(0)
}
