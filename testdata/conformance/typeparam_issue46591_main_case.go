// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue46591.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_issue46591_main_T[_ any] struct{}

var typeparam_issue46591_main_m = map[interface{}]int{
	typeparam_issue46591_main_T[struct{ int }]{}: 0,
	typeparam_issue46591_main_T[struct {
		int "x"
	}]{}: 0,
}

// async
func typeparam_issue46591_main_main() {
	rt.Sleep(0)
	if conformAwait(len(typeparam_issue46591_main_m) != 2) {
		rt.Sleep(0)
		panic(len(typeparam_issue46591_main_m))
	}
}

// async
func typeparam_issue46591_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue46591_main_main()
	rt.Sleep(0)
}
