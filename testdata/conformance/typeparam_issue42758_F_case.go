// Copyright 2022 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue42758.go (go1.26.8), case F, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// async
func typeparam_issue42758_F_F[T, U int]() interface{} {
	rt.Sleep(0)
	switch interface{}(nil) {
	case int(0), T(0), U(0):
		rt.Sleep(0)
	}

	rt.Sleep(0)
	return map[interface{}]int{int(0): 0, T(0): 0, U(0): 0}
}

// async
func typeparam_issue42758_F__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue42758_F_F[int, int]()
	rt.Sleep(0)
}
