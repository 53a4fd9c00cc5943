// Copyright 2022 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue54535.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_issue54535_main_node[T any] struct {
	items    typeparam_issue54535_main_items[T]
	children typeparam_issue54535_main_items[*typeparam_issue54535_main_node[T]]
}

// async
func (n *typeparam_issue54535_main_node[T]) f(i int, j int) bool {
	rt.Sleep(0)
	if conformAwait(len(n.children[i].items) < j) {
		rt.Sleep(0)
		return false
	}
	rt.Sleep(0)
	return true
}

type typeparam_issue54535_main_items[T any] []T

// async
func typeparam_issue54535_main_main() {
	rt.Sleep(0)
	_ = typeparam_issue54535_main_node[int]{}
	rt.Sleep(0)
	_ = typeparam_issue54535_main_f[int]
	rt.Sleep(0)
}

type typeparam_issue54535_main_s[T, U any] struct {
	a T
	c U
}

// async
func typeparam_issue54535_main_f[T any]() {
	rt.Sleep(0)
	var x typeparam_issue54535_main_s[*struct{ b T }, *struct{ d int }]
	rt.Sleep(0)
	_ = x.a.b
	rt.Sleep(0)
	_ = x.c.d
	rt.Sleep(0)
}

// async
func typeparam_issue54535_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue54535_main_main()
	rt.Sleep(0)
}
