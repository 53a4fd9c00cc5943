// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue49309.go (go1.26.8), case genfunc, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// async
func typeparam_issue49309_genfunc_genfunc[T any](f func(c T)) {
	rt.Sleep(0)
	var r T

	rt.Sleep(0)
	f(r)
	rt.Sleep(0)
}

// async
func typeparam_issue49309_genfunc_myfunc(c string) {
	rt.Sleep(0)
	typeparam_issue49309_genfunc_test2(c)
	rt.Sleep(0)
}

// async
//
//go:noinline
func typeparam_issue49309_genfunc_test2(a interface{}) {
	rt.Sleep(0)
	_ = a.(string)
	rt.Sleep(0)
}

// async
func typeparam_issue49309_genfunc__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue49309_genfunc_genfunc(typeparam_issue49309_genfunc_myfunc)
	rt.Sleep(0)
}
