// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/min.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_min_main_Ordered interface {
	~int | ~int64 | ~float64 | ~string
}

// async
func typeparam_min_main_min[T typeparam_min_main_Ordered](x, y T) T {
	rt.Sleep(0)
	if conformAwait(x < y) {
		rt.Sleep(0)
		return x
	}
	rt.Sleep(0)
	return y
}

// async
func typeparam_min_main_main() {
	rt.Sleep(0)
	const want = 2
	rt.Sleep(0)
	if got := typeparam_min_main_min[int](2, 3); conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d, want %d", got, want))
	}

	rt.Sleep(0)
	if got := typeparam_min_main_min(2, 3); conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("want %d, got %d", want, got))
	}

	rt.Sleep(0)
	if got := typeparam_min_main_min[float64](3.5, 2.0); conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d, want %d", got, want))
	}

	rt.Sleep(0)
	if got := typeparam_min_main_min(3.5, 2.0); conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d, want %d", got, want))
	}

	rt.Sleep(0)
	const want2 = "ay"
	rt.Sleep(0)
	if got := typeparam_min_main_min[string]("bb", "ay"); conformAwait(got != want2) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d, want %d", got, want2))
	}

	rt.Sleep(0)
	if got := typeparam_min_main_min("bb", "ay"); conformAwait(got != want2) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d, want %d", got, want2))
	}
}

// async
func typeparam_min_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_min_main_main()
	rt.Sleep(0)
}
