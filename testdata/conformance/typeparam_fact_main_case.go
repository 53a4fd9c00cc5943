// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/fact.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

// async
func typeparam_fact_main_fact[T interface{ ~int | ~int64 | ~float64 }](n T) T {
	rt.Sleep(0)
	if conformAwait(n == 1) {
		rt.Sleep(0)
		return 1
	}
	rt.Sleep(0)
	return n * typeparam_fact_main_fact(n-1)
}

// async
func typeparam_fact_main_main() {
	rt.Sleep(0)
	const want = 120

	rt.Sleep(0)
	if got := typeparam_fact_main_fact(5); conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d, want %d", got, want))
	}

	rt.Sleep(0)
	if got := typeparam_fact_main_fact[int64](5); conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d, want %d", got, want))
	}

	rt.Sleep(0)
	if got := typeparam_fact_main_fact(5.0); conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %f, want %f", got, want))
	}
}

// async
func typeparam_fact_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_fact_main_main()
	rt.Sleep(0)
}
