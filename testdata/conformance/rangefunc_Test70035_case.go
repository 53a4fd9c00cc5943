// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/src/cmd/compile/internal/rangefunc/rangefunc_test.go (go1.26.8), case Test70035, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
	"slices"
)

// async
func rangefunc_Test70035_Bug70035(s1, s2, s3 []string) string {
	rt.Sleep(0)
	var c1 string
	rt.Sleep(0)
	for v1 := range slices.Values(s1) {
		rt.Sleep(0)
		var c2 string
		rt.Sleep(0)
		for v2 := range slices.Values(s2) {
			rt.Sleep(0)
			var c3 string
			rt.Sleep(0)
			for v3 := range slices.Values(s3) {
				rt.Sleep(0)
				c3 = c3 + v3
				rt.Sleep(0)
			}
			rt.Sleep(0)
			c2 = c2 + v2 + c3
			rt.Sleep(0)
		}
		rt.Sleep(0)
		c1 = c1 + v1 + c2
		rt.Sleep(0)
	}
	rt.Sleep(0)
	return c1
}

// async
func rangefunc_Test70035_Test70035(t *conformT) {
	rt.Sleep(0)
	got := rangefunc_Test70035_Bug70035([]string{"1", "2", "3"}, []string{"a", "b", "c"}, []string{"A", "B", "C"})
	rt.Sleep(0)
	want := "1aABCbABCcABC2aABCbABCcABC3aABCbABCcABC"
	rt.Sleep(0)
	if conformAwait(got != want) {
		rt.Sleep(0)
		t.Errorf("got %v, want %v", got, want)
		rt.Sleep(0)
	}
}

// async
func rangefunc_Test70035__run(t *conformT) {
	rt.Sleep(0)
	rangefunc_Test70035_Test70035(t)
	rt.Sleep(0)
}
