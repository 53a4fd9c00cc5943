// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue48453.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// async
//
//go:noinline
func typeparam_issue48453_main_CopyMap[M interface{ ~map[K]V }, K comparable, V any](m M) M {
	rt.Sleep(0)
	out := make(M, len(m))
	rt.Sleep(0)
	for k, v := range m {
		rt.Sleep(0)
		out[k] = v
		rt.Sleep(0)
	}
	rt.Sleep(0)
	return out
}

// async
func typeparam_issue48453_main_main() {
	rt.Sleep(0)
	var m map[*string]int
	rt.Sleep(0)
	typeparam_issue48453_main_CopyMap(m)
	rt.Sleep(0)
}

// async
func typeparam_issue48453_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue48453_main_main()
	rt.Sleep(0)
}
