// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/simassign.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

var simassign_main_a, simassign_main_b, simassign_main_c, simassign_main_d, simassign_main_e, simassign_main_f, simassign_main_g, simassign_main_h, simassign_main_i int

// async
func simassign_main_printit() {
	rt.Sleep(0)
	println(simassign_main_a, simassign_main_b, simassign_main_c, simassign_main_d, simassign_main_e, simassign_main_f, simassign_main_g, simassign_main_h, simassign_main_i)
	rt.Sleep(0)
}

// async
func simassign_main_testit(permuteok bool) bool {
	rt.Sleep(0)
	if conformAwait(simassign_main_a+simassign_main_b+simassign_main_c+simassign_main_d+simassign_main_e+simassign_main_f+simassign_main_g+simassign_main_h+simassign_main_i != 45) {
		rt.Sleep(0)
		print("sum does not add to 45\n")
		rt.Sleep(0)
		simassign_main_printit()
		rt.Sleep(0)
		return false
	}
	rt.Sleep(0)
	return permuteok ||
		simassign_main_a == 1 &&
			simassign_main_b == 2 &&
			simassign_main_c == 3 &&
			simassign_main_d == 4 &&
			simassign_main_e == 5 &&
			simassign_main_f == 6 &&
			simassign_main_g == 7 &&
			simassign_main_h == 8 &&
			simassign_main_i == 9
}

// async
func simassign_main_swap(x, y int) (u, v int) {
	rt.Sleep(0)
	return y, x
}

// async
func simassign_main_main() {
	rt.Sleep(0)
	simassign_main_a = 1
	rt.Sleep(0)
	simassign_main_b = 2
	rt.Sleep(0)
	simassign_main_c = 3
	rt.Sleep(0)
	simassign_main_d = 4
	rt.Sleep(0)
	simassign_main_e = 5
	rt.Sleep(0)
	simassign_main_f = 6
	rt.Sleep(0)
	simassign_main_g = 7
	rt.Sleep(0)
	simassign_main_h = 8
	rt.Sleep(0)
	simassign_main_i = 9

	rt.Sleep(0)
	if conformAwait(!simassign_main_testit(false)) {
		rt.Sleep(0)
		panic("init val\n")
	}

	rt.Sleep(0)
	for z := 0; conformAwait(z < 100); z++ {
		rt.Sleep(0)
		simassign_main_a, simassign_main_b, simassign_main_c, simassign_main_d, simassign_main_e, simassign_main_f, simassign_main_g, simassign_main_h, simassign_main_i = simassign_main_b, simassign_main_c, simassign_main_d, simassign_main_a, simassign_main_i, simassign_main_e, simassign_main_f, simassign_main_g, simassign_main_h

		rt.Sleep(0)
		if conformAwait(!simassign_main_testit(z%20 != 19)) {
			rt.Sleep(0)
			print("on ", z, "th iteration\n")
			rt.Sleep(0)
			simassign_main_printit()
			rt.Sleep(0)
			panic("fail")
		}
	}

	rt.Sleep(0)
	if conformAwait(!simassign_main_testit(false)) {
		rt.Sleep(0)
		print("final val\n")
		rt.Sleep(0)
		simassign_main_printit()
		rt.Sleep(0)
		panic("fail")
	}

	rt.Sleep(0)
	simassign_main_a, simassign_main_b = simassign_main_swap(1, 2)
	rt.Sleep(0)
	if conformAwait(simassign_main_a != 2 || simassign_main_b != 1) {
		rt.Sleep(0)
		panic("bad swap")
	}

	rt.Sleep(0)
	simassign_main_a, simassign_main_b = simassign_main_swap(simassign_main_swap(simassign_main_a, simassign_main_b))
	rt.Sleep(0)
	if conformAwait(simassign_main_a != 2 || simassign_main_b != 1) {
		rt.Sleep(0)
		panic("bad swap")
	}
}

// async
func simassign_main__run(t *conformT) {
	rt.Sleep(0)
	simassign_main_main()
	rt.Sleep(0)
}
