// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/equal.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// async
func typeparam_equal_main_f[T comparable](t, u T) bool {
	// Comparing two type parameters directly.
	// (Not really testing comparisons to interfaces, but just 'cause we're here.)
	rt.Sleep(0)
	return t == u
}

// async
func typeparam_equal_main_g[T comparable](t T, i interface{}) bool {
	// Compare type parameter value to empty interface.
	rt.Sleep(0)
	return t == i
}

type typeparam_equal_main_I interface {
	foo()
}

type typeparam_equal_main_C interface {
	comparable
	typeparam_equal_main_I
}

// async
func typeparam_equal_main_h[T typeparam_equal_main_C](t T, i typeparam_equal_main_I) bool {
	// Compare type parameter value to nonempty interface.
	rt.Sleep(0)
	return t == i
}

type typeparam_equal_main_myint int

// async
func (x typeparam_equal_main_myint) foo() {
	rt.Sleep(0)
}

// async
func typeparam_equal_main_k[T comparable](t T, i interface{}) bool {
	// Compare derived type value to interface.
	rt.Sleep(0)
	return struct{ a, b T }{t, t} == i
}

// async
func typeparam_equal_main_main() {
	rt.Sleep(0)
	typeparam_equal_main_assert(typeparam_equal_main_f(3, 3))
	rt.Sleep(0)
	typeparam_equal_main_assert(!typeparam_equal_main_f(3, 5))
	rt.Sleep(0)
	typeparam_equal_main_assert(typeparam_equal_main_g(3, 3))
	rt.Sleep(0)
	typeparam_equal_main_assert(!typeparam_equal_main_g(3, 5))
	rt.Sleep(0)
	typeparam_equal_main_assert(typeparam_equal_main_h(typeparam_equal_main_myint(3), typeparam_equal_main_myint(3)))
	rt.Sleep(0)
	typeparam_equal_main_assert(!typeparam_equal_main_h(typeparam_equal_main_myint(3), typeparam_equal_main_myint(5)))

	rt.Sleep(0)
	type S struct{ a, b float64 }

	rt.Sleep(0)
	typeparam_equal_main_assert(typeparam_equal_main_f(S{3, 5}, S{3, 5}))
	rt.Sleep(0)
	typeparam_equal_main_assert(!typeparam_equal_main_f(S{3, 5}, S{4, 6}))
	rt.Sleep(0)
	typeparam_equal_main_assert(typeparam_equal_main_g(S{3, 5}, S{3, 5}))
	rt.Sleep(0)
	typeparam_equal_main_assert(!typeparam_equal_main_g(S{3, 5}, S{4, 6}))

	rt.Sleep(0)
	typeparam_equal_main_assert(typeparam_equal_main_k(3, struct{ a, b int }{3, 3}))
	rt.Sleep(0)
	typeparam_equal_main_assert(!typeparam_equal_main_k(3, struct{ a, b int }{3, 4}))
	rt.Sleep(0)
}

// async
func typeparam_equal_main_assert(b bool) {
	rt.Sleep(0)
	if conformAwait(!b) {
		rt.Sleep(0)
		panic("assertion failed")
	}
}

// async
func typeparam_equal_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_equal_main_main()
	rt.Sleep(0)
}
