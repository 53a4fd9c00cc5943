// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/combine.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_combine_main_Gen[A any] func() (A, bool)

// async
func typeparam_combine_main_Combine[T1, T2, T any](g1 typeparam_combine_main_Gen[T1], g2 typeparam_combine_main_Gen[T2], join func(T1, T2) T) typeparam_combine_main_Gen[T] {
	rt.Sleep(0)
	return func() (T, bool) {
		var t T
		t1, ok := g1()
		if !ok {
			return t, false
		}
		t2, ok := g2()
		if !ok {
			return t, false
		}
		return join(t1, t2), true
	}
}

type typeparam_combine_main_Pair[A, B any] struct {
	A A
	B B
}

// async
func typeparam_combine_main__NewPair[A, B any](a A, b B) typeparam_combine_main_Pair[A, B] {
	rt.Sleep(0)
	return typeparam_combine_main_Pair[A, B]{a, b}
}

// async
func typeparam_combine_main_Combine2[A, B any](ga typeparam_combine_main_Gen[A], gb typeparam_combine_main_Gen[B]) typeparam_combine_main_Gen[typeparam_combine_main_Pair[A, B]] {
	rt.Sleep(0)
	return typeparam_combine_main_Combine(ga, gb, typeparam_combine_main__NewPair[A, B])
}

// async
func typeparam_combine_main_main() {
	rt.Sleep(0)
	var g1 typeparam_combine_main_Gen[int] = func() (int, bool) { return 3, true }
	rt.Sleep(0)
	var g2 typeparam_combine_main_Gen[string] = func() (string, bool) { return "x", false }
	rt.Sleep(0)
	var g3 typeparam_combine_main_Gen[string] = func() (string, bool) { return "y", true }

	rt.Sleep(0)
	gc := typeparam_combine_main_Combine(g1, g2, typeparam_combine_main__NewPair[int, string])
	rt.Sleep(0)
	if got, ok := gc(); conformAwait(ok) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %v, %v, wanted -/false", got, ok))
	}
	rt.Sleep(0)
	gc2 := typeparam_combine_main_Combine2(g1, g2)
	rt.Sleep(0)
	if got, ok := gc2(); conformAwait(ok) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %v, %v, wanted -/false", got, ok))
	}

	rt.Sleep(0)
	gc3 := typeparam_combine_main_Combine(g1, g3, typeparam_combine_main__NewPair[int, string])
	rt.Sleep(0)
	if got, ok := gc3(); conformAwait(!ok || got.A != 3 || got.B != "y") {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %v, %v, wanted {3, y}, true", got, ok))
	}
	rt.Sleep(0)
	gc4 := typeparam_combine_main_Combine2(g1, g3)
	rt.Sleep(0)
	if got, ok := gc4(); conformAwait(!ok || got.A != 3 || got.B != "y") {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %v, %v, wanted {3, y}, true", got, ok))
	}
}

// async
func typeparam_combine_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_combine_main_main()
	rt.Sleep(0)
}
