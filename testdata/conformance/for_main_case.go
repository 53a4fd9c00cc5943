// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/for.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// async
func for_main_assertequal(is, shouldbe int, msg string) {
	rt.Sleep(0)
	if conformAwait(is != shouldbe) {
		rt.Sleep(0)
		print("assertion fail", msg, "\n")
		rt.Sleep(0)
		panic(1)
	}
}

// async
func for_main_main() {
	rt.Sleep(0)
	var i, sum int

	rt.Sleep(0)
	i = 0
	rt.Sleep(0)
	for {
		rt.Sleep(0)
		i = i + 1
		rt.Sleep(0)
		if conformAwait(i > 5) {
			rt.Sleep(0)
			break
		}
	}
	rt.Sleep(0)
	for_main_assertequal(i, 6, "break")

	rt.Sleep(0)
	sum = 0
	rt.Sleep(0)
	for i := 0; conformAwait(i <= 10); i++ {
		rt.Sleep(0)
		sum = sum + i
		rt.Sleep(0)
	}
	rt.Sleep(0)
	for_main_assertequal(sum, 55, "all three")

	rt.Sleep(0)
	sum = 0
	rt.Sleep(0)
	for i := 0; conformAwait(i <= 10); {
		rt.Sleep(0)
		sum = sum + i
		rt.Sleep(0)
		i++
		rt.Sleep(0)
	}
	rt.Sleep(0)
	for_main_assertequal(sum, 55, "only two")

	rt.Sleep(0)
	sum = 0
	rt.Sleep(0)
	for conformAwait(sum < 100) {
		rt.Sleep(0)
		sum = sum + 9
		rt.Sleep(0)
	}
	rt.Sleep(0)
	for_main_assertequal(sum, 99+9, "only one")

	rt.Sleep(0)
	sum = 0
	rt.Sleep(0)
	for i := 0; conformAwait(i <= 10); i++ {
		rt.Sleep(0)
		if conformAwait(i%2 == 0) {
			rt.Sleep(0)
			continue
		}
		rt.Sleep(0)
		sum = sum + i
		rt.Sleep(0)
	}
	rt.Sleep(0)
	for_main_assertequal(sum, 1+3+5+7+9, "continue")

	rt.Sleep(0)
	i = 0
	rt.Sleep(0)
	for i = range [5]struct{}{} {
		rt.Sleep(0)
	}
	rt.Sleep(0)
	for_main_assertequal(i, 4, " incorrect index value after range loop")

	rt.Sleep(0)
	i = 0
	rt.Sleep(0)
	var a1 [5]struct{}
	rt.Sleep(0)
	for i = range a1 {
		rt.Sleep(0)
		a1[i] = struct{}{}
		rt.Sleep(0)
	}
	rt.Sleep(0)
	for_main_assertequal(i, 4, " incorrect index value after array with zero size elem range clear")

	rt.Sleep(0)
	i = 0
	rt.Sleep(0)
	var a2 [5]int
	rt.Sleep(0)
	for i = range a2 {
		rt.Sleep(0)
		a2[i] = 0
		rt.Sleep(0)
	}
	rt.Sleep(0)
	for_main_assertequal(i, 4, " incorrect index value after array range clear")
	rt.Sleep(0)
}

// async
func for_main__run(t *conformT) {
	rt.Sleep(0)
	for_main_main()
	rt.Sleep(0)
}
