// Copyright 2022 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue376214.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// async
func typeparam_issue376214_main_add[S ~string | ~[]byte](buf *[]byte, s S) {
	rt.Sleep(0)
	*buf = append(*buf, s...)
	rt.Sleep(0)
}

// async
func typeparam_issue376214_main_main() {
	rt.Sleep(0)
	var buf []byte
	rt.Sleep(0)
	typeparam_issue376214_main_add(&buf, "foo")
	rt.Sleep(0)
	typeparam_issue376214_main_add(&buf, []byte("bar"))
	rt.Sleep(0)
	if conformAwait(string(buf) != "foobar") {
		rt.Sleep(0)
		panic("got " + string(buf))
	}
}

// async
func typeparam_issue376214_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue376214_main_main()
	rt.Sleep(0)
}
