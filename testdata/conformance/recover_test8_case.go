// Copyright 2010 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/recover.go (go1.26.8), case test8, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
	"runtime"
)

// async
func recover_test8_die() {
	rt.Sleep(0)
	runtime.Breakpoint()
	rt.Sleep(0) // can't depend on panic
}

// async
func recover_test8_varargs(s *int, a ...int) {
	rt.Sleep(0)
	*s = 0
	rt.Sleep(0)
	for _, v := range a {
		rt.Sleep(0)
		*s += v
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(recover() != nil) {
		rt.Sleep(0)
		*s += 100
		rt.Sleep(0)
	}
}

// async
func recover_test8_test8a() (r int) {
	rt.Sleep(0)
	defer recover_test8_varargs(&r, 1, 2, 3)
	rt.Sleep(0)
	panic(0)
}

// async
func recover_test8_test8b() (r int) {
	rt.Sleep(0)
	defer recover_test8_varargs(&r, 4, 5, 6)
	rt.Sleep(0)
	return
}

// async
func recover_test8_test8() {
	rt.Sleep(0)
	if conformAwait(recover_test8_test8a() != 106 || recover_test8_test8b() != 15) {
		rt.Sleep(0)
		println("wrong value")
		rt.Sleep(0)
		recover_test8_die()
		rt.Sleep(0)
	}
}

// async
func recover_test8__run(t *conformT) {
	rt.Sleep(0)
	recover_test8_test8()
	rt.Sleep(0)
}
