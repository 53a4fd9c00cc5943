// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue49295.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
	"io"
)

type typeparam_issue49295_main_Reader struct {
	buf []byte
}

type typeparam_issue49295_main_Token *[16]byte

// async
func typeparam_issue49295_main_Read[T interface{ ~*[16]byte }](r *typeparam_issue49295_main_Reader) (t T, err error) {
	rt.Sleep(0)
	if n := len(t); conformAwait(len(r.buf) >= n) {
		rt.Sleep(0)
		t = T(r.buf[:n])
		rt.Sleep(0)
		r.buf = r.buf[n:]
		rt.Sleep(0)
		return
	}
	rt.Sleep(0)
	err = io.EOF
	rt.Sleep(0)
	return
}

// async
func typeparam_issue49295_main_main() {
	rt.Sleep(0)
	r := &typeparam_issue49295_main_Reader{buf: []byte("0123456789abcdef")}
	rt.Sleep(0)
	token, err := typeparam_issue49295_main_Read[typeparam_issue49295_main_Token](r)
	rt.Sleep(0)
	_, _ = token, err
	rt.Sleep(0)
}

// async
func typeparam_issue49295_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue49295_main_main()
	rt.Sleep(0)
}
