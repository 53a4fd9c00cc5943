// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/if.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// async
func if_main_assertequal(is, shouldbe int, msg string) {
	rt.Sleep(0)
	if conformAwait(is != shouldbe) {
		rt.Sleep(0)
		print("assertion fail", msg, "\n")
		rt.Sleep(0)
		panic(1)
	}
}

// async
func if_main_main() {
	rt.Sleep(0)
	i5 := 5
	rt.Sleep(0)
	i7 := 7

	rt.Sleep(0)
	var count int

	rt.Sleep(0)
	count = 0
	rt.Sleep(0)
	if conformAwait(true) {
		rt.Sleep(0)
		count = count + 1
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if_main_assertequal(count, 1, "if true")

	rt.Sleep(0)
	count = 0
	rt.Sleep(0)
	if conformAwait(false) {
		rt.Sleep(0)
		count = count + 1
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if_main_assertequal(count, 0, "if false")

	rt.Sleep(0)
	count = 0
	rt.Sleep(0)
	if one := 1; conformAwait(true) {
		rt.Sleep(0)
		count = count + one
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if_main_assertequal(count, 1, "if true one")

	rt.Sleep(0)
	count = 0
	rt.Sleep(0)
	if one := 1; conformAwait(false) {
		rt.Sleep(0)
		count = count + 1
		rt.Sleep(0)
		_ = one
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if_main_assertequal(count, 0, "if false one")

	rt.Sleep(0)
	count = 0
	rt.Sleep(0)
	if conformAwait(i5 < i7) {
		rt.Sleep(0)
		count = count + 1
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if_main_assertequal(count, 1, "if cond")

	rt.Sleep(0)
	count = 0
	rt.Sleep(0)
	if conformAwait(true) {
		rt.Sleep(0)
		count = count + 1
		rt.Sleep(0)
	} else {
		rt.Sleep(0)
		count = count - 1
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if_main_assertequal(count, 1, "if else true")

	rt.Sleep(0)
	count = 0
	rt.Sleep(0)
	if conformAwait(false) {
		rt.Sleep(0)
		count = count + 1
		rt.Sleep(0)
	} else {
		rt.Sleep(0)
		count = count - 1
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if_main_assertequal(count, -1, "if else false")

	rt.Sleep(0)
	count = 0
	rt.Sleep(0)
	if t := 1; conformAwait(false) {
		rt.Sleep(0)
		count = count + 1
		rt.Sleep(0)
		_ = t
		rt.Sleep(0)
		t := 7
		rt.Sleep(0)
		_ = t
		rt.Sleep(0)
	} else {
		rt.Sleep(0)
		count = count - t
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if_main_assertequal(count, -1, "if else false var")

	rt.Sleep(0)
	count = 0
	rt.Sleep(0)
	t := 1
	rt.Sleep(0)
	if conformAwait(false) {
		rt.Sleep(0)
		count = count + 1
		rt.Sleep(0)
		t := 7
		rt.Sleep(0)
		_ = t
		rt.Sleep(0)
	} else {
		rt.Sleep(0)
		count = count - t
		rt.Sleep(0)
	}
	rt.Sleep(0)
	_ = t
	rt.Sleep(0)
	if_main_assertequal(count, -1, "if else false var outside")
	rt.Sleep(0)
}

// async
func if_main__run(t *conformT) {
	rt.Sleep(0)
	if_main_main()
	rt.Sleep(0)
}
