// Copyright 2022 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue23536.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_issue23536_main_MyByte byte

type typeparam_issue23536_main_MyRune rune

// async
func typeparam_issue23536_main_f[T []typeparam_issue23536_main_MyByte](x T) string {
	rt.Sleep(0)
	return string(x)
}

// async
func typeparam_issue23536_main_g[T []typeparam_issue23536_main_MyRune](x T) string {
	rt.Sleep(0)
	return string(x)
}

// async
func typeparam_issue23536_main_main() {
	rt.Sleep(0)
	var y []typeparam_issue23536_main_MyByte
	rt.Sleep(0)
	_ = typeparam_issue23536_main_f(y)
	rt.Sleep(0)
	_ = string(y)

	rt.Sleep(0)
	var z []typeparam_issue23536_main_MyRune
	rt.Sleep(0)
	_ = typeparam_issue23536_main_g(z)
	rt.Sleep(0)
	_ = string(z)
	rt.Sleep(0)
}

// async
func typeparam_issue23536_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue23536_main_main()
	rt.Sleep(0)
}
