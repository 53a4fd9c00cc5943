// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue49659b.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_issue49659b_main_A[T interface{ []int | [5]int }] struct {
	val T
}

// async
//
//go:noinline
func (a typeparam_issue49659b_main_A[T]) F() {
	rt.Sleep(0)
	_ = &a.val[2]
	rt.Sleep(0)
}

// async
func typeparam_issue49659b_main_main() {
	rt.Sleep(0)
	var x typeparam_issue49659b_main_A[[]int]
	rt.Sleep(0)
	x.val = make([]int, 4)
	rt.Sleep(0)
	_ = &x.val[3]
	rt.Sleep(0)
	x.F()
	rt.Sleep(0)
	var y typeparam_issue49659b_main_A[[5]int]
	rt.Sleep(0)
	_ = &y.val[3]
	rt.Sleep(0)
	y.F()
	rt.Sleep(0)
}

// async
func typeparam_issue49659b_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue49659b_main_main()
	rt.Sleep(0)
}
