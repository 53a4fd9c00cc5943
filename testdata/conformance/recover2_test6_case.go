// Copyright 2010 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/recover2.go (go1.26.8), case test6, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
	"strings"
)

// async
func recover2_test6_mustRecover(s string) {
	rt.Sleep(0)
	v := recover()
	rt.Sleep(0)
	if conformAwait(v == nil) {
		rt.Sleep(0)
		panic("expected panic")
	}
	rt.Sleep(0)
	if e := v.(error).Error(); conformAwait(strings.Index(e, s) < 0) {
		rt.Sleep(0)
		panic("want: " + s + "; have: " + e)
	}
}

type recover2_test6_T struct {
	a, b int
	c    []int
}

// async
func recover2_test6_test6() {
	rt.Sleep(0)
	defer recover2_test6_mustRecover("unhashable type main.recover2_test6_T")
	rt.Sleep(0)
	var x recover2_test6_T
	rt.Sleep(0)
	var z interface{} = x
	rt.Sleep(0)
	m := make(map[interface{}]int)
	rt.Sleep(0)
	m[z] = 1
	rt.Sleep(0)
}

// async
func recover2_test6__run(t *conformT) {
	rt.Sleep(0)
	recover2_test6_test6()
	rt.Sleep(0)
}
