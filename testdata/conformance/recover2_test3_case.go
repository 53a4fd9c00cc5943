// Copyright 2010 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/recover2.go (go1.26.8), case test3, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
	"strings"
)

var recover2_test3_x = make([]byte, 10)

// async
func recover2_test3_mustRecover(s string) {
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

// async
func recover2_test3_test3() {
	rt.Sleep(0)
	defer recover2_test3_mustRecover("slice")
	rt.Sleep(0)
	var lo = 11
	rt.Sleep(0)
	var hi = 9
	rt.Sleep(0)
	println(recover2_test3_x[lo:hi])
	rt.Sleep(0)
}

// async
func recover2_test3__run(t *conformT) {
	rt.Sleep(0)
	recover2_test3_test3()
	rt.Sleep(0)
}
