// Copyright 2015 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/closure2.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

var closure2_main_never bool

// async
func closure2_main_main() {
	rt.Sleep(0)
	{
		rt.Sleep(0)
		type X struct {
			v int
		}
		rt.Sleep(0)
		var x X
		rt.Sleep(0)
		func() {
			x.v++
		}()
		rt.Sleep(0)
		if conformAwait(x.v != 1) {
			rt.Sleep(0)
			panic("x.v != 1")
		}

		rt.Sleep(0)
		type Y struct {
			X
		}
		rt.Sleep(0)
		var y Y
		rt.Sleep(0)
		func() {
			y.v = 1
		}()
		rt.Sleep(0)
		if conformAwait(y.v != 1) {
			rt.Sleep(0)
			panic("y.v != 1")
		}
	}

	rt.Sleep(0)
	{
		rt.Sleep(0)
		type Z struct {
			a [3]byte
		}
		rt.Sleep(0)
		var z Z
		rt.Sleep(0)
		func() {
			i := 0
			for z.a[1] = 1; i < 10; i++ {
			}
		}()
		rt.Sleep(0)
		if conformAwait(z.a[1] != 1) {
			rt.Sleep(0)
			panic("z.a[1] != 1")
		}
	}

	rt.Sleep(0)
	{
		rt.Sleep(0)
		w := 0
		rt.Sleep(0)
		tmp := 0
		rt.Sleep(0)
		f := func() {
			if w != 1 {
				panic("w != 1")
			}
		}
		rt.Sleep(0)
		func() {
			tmp = w // force capture of w, but do not write to it yet
			_ = tmp
			func() {
				func() {
					w++ // write in a nested closure
				}()
			}()
		}()
		rt.Sleep(0)
		f()
		rt.Sleep(0)
	}

	rt.Sleep(0)
	{
		rt.Sleep(0)
		var g func() int
		rt.Sleep(0)
		var i int
		rt.Sleep(0)
		for i = range [2]int{} {
			rt.Sleep(0)
			if conformAwait(i == 0) {
				rt.Sleep(0)
				g = func() int {
					return i // test that we capture by ref here, i is mutated on every interaction
				}
				rt.Sleep(0)
			}
		}
		rt.Sleep(0)
		if conformAwait(g() != 1) {
			rt.Sleep(0)
			panic("g() != 1")
		}
	}

	rt.Sleep(0)
	{
		rt.Sleep(0)
		var g func() int
		rt.Sleep(0)
		q := 0
		rt.Sleep(0)
		for range [2]int{} {
			rt.Sleep(0)
			q++
			rt.Sleep(0)
			g = func() int {
				return q // test that we capture by ref here
				// q++ must on a different decldepth than q declaration
			}
			rt.Sleep(0)
		}
		rt.Sleep(0)
		if conformAwait(g() != 2) {
			rt.Sleep(0)
			panic("g() != 2")
		}
	}

	rt.Sleep(0)
	{
		rt.Sleep(0)
		var g func() int
		rt.Sleep(0)
		var a [2]int
		rt.Sleep(0)
		q := 0
		rt.Sleep(0)
		for a[func() int {
			q++
			return 0
		}()] = range [2]int{} {
			rt.Sleep(0)
			g = func() int {
				return q // test that we capture by ref here
				// q++ must on a different decldepth than q declaration
			}
			rt.Sleep(0)
		}
		rt.Sleep(0)
		if conformAwait(g() != 2) {
			rt.Sleep(0)
			panic("g() != 2")
		}
	}

	rt.Sleep(0)
	{
		rt.Sleep(0)
		var g func() int
		rt.Sleep(0)
		q := 0
		rt.Sleep(0)
		q, g = 1, func() int { return q }
		rt.Sleep(0)
		if conformAwait(closure2_main_never) {
			rt.Sleep(0)
			g = func() int { return 2 }
			rt.Sleep(0)
		}
		rt.Sleep(0)
		if conformAwait(g() != 1) {
			rt.Sleep(0)
			panic("g() != 1")
		}
	}
}

// async
func closure2_main__run(t *conformT) {
	rt.Sleep(0)
	closure2_main_main()
	rt.Sleep(0)
}
