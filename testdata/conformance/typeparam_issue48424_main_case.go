// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue48424.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// async
func typeparam_issue48424_main_identity[T int](x T) T {
	rt.Sleep(0)
	return x
}

// async
func typeparam_issue48424_main_min[T int | string](x, y T) T {
	rt.Sleep(0)
	if conformAwait(x < y) {
		rt.Sleep(0)
		return x
	}
	rt.Sleep(0)
	return y
}

// async
func typeparam_issue48424_main_max[T ~int | ~float64](x, y T) T {
	rt.Sleep(0)
	if conformAwait(x > y) {
		rt.Sleep(0)
		return x
	}
	rt.Sleep(0)
	return y
}

// async
func typeparam_issue48424_main_main() {
	rt.Sleep(0)
	if conformAwait(typeparam_issue48424_main_identity(1) != 1) {
		rt.Sleep(0)
		panic("identity(1) failed")
	}

	rt.Sleep(0)
	if conformAwait(typeparam_issue48424_main_min(2, 3) != 2) {
		rt.Sleep(0)
		panic("min(2, 3) failed")
	}

	rt.Sleep(0)
	if conformAwait(typeparam_issue48424_main_min("foo", "bar") != "bar") {
		rt.Sleep(0)
		panic(`min("foo", "bar") failed`)
	}

	rt.Sleep(0)
	if conformAwait(typeparam_issue48424_main_max(2, 3) != 3) {
		rt.Sleep(0)
		panic("max(2, 3) failed")
	}
}

// async
func typeparam_issue48424_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue48424_main_main()
	rt.Sleep(0)
}
