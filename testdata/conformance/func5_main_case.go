// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/func5.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// async
func func5_main_call(f func(int, int) int, a, b int) int {
	rt.Sleep(0)
	return f(a, b)
}

// async
func func5_main_call1(f func(int, int) int, a, b int) int {
	rt.Sleep(0)
	return func5_main_call(f, a, b)
}

var func5_main_f func(int, int) int

// async
func func5_main_add(x, y int) int {
	rt.Sleep(0)
	return x + y
}

// async
func func5_main_fn() func(int, int) int {
	rt.Sleep(0)
	return func5_main_f
}

var func5_main_fc func(int, int, chan int)

func func5_main_addc(x, y int, c chan int) {
	c <- x + y
}

// async
func func5_main_fnc() func(int, int, chan int) {
	rt.Sleep(0)
	return func5_main_fc
}

// async
func func5_main_three(x int) {
	rt.Sleep(0)
	if conformAwait(x != 3) {
		rt.Sleep(0)
		println("wrong val", x)
		rt.Sleep(0)
		panic("fail")
	}
}

// async
func func5_main_emptyresults() { rt.Sleep(0) }

// async
func func5_main_noresults() { rt.Sleep(0) }

var func5_main_nothing func()

// async
func func5_main_main() {
	rt.Sleep(0)
	func5_main_three(func5_main_call(func5_main_add, 1, 2))
	rt.Sleep(0)
	func5_main_three(func5_main_call1(func5_main_add, 1, 2))
	rt.Sleep(0)
	func5_main_f = func5_main_add
	rt.Sleep(0)
	func5_main_three(func5_main_call(func5_main_f, 1, 2))
	rt.Sleep(0)
	func5_main_three(func5_main_call1(func5_main_f, 1, 2))
	rt.Sleep(0)
	func5_main_three(func5_main_call(func5_main_fn(), 1, 2))
	rt.Sleep(0)
	func5_main_three(func5_main_call1(func5_main_fn(), 1, 2))
	rt.Sleep(0)
	func5_main_three(func5_main_call(func(a, b int) int { return a + b }, 1, 2))
	rt.Sleep(0)
	func5_main_three(func5_main_call1(func(a, b int) int { return a + b }, 1, 2))

	rt.Sleep(0)
	func5_main_fc = func5_main_addc
	rt.Sleep(0)
	c := make(chan int)
	rt.Sleep(0)
	go func5_main_addc(1, 2, c)
	rt.Sleep(0)
	func5_main_three(<-c)
	rt.Sleep(0)
	go func5_main_fc(1, 2, c)
	rt.Sleep(0)
	func5_main_three(<-c)
	rt.Sleep(0)
	go func5_main_fnc()(1, 2, c)
	rt.Sleep(0)
	func5_main_three(<-c)
	rt.Sleep(0)
	go func(a, b int, c chan int) { c <- a + b }(1, 2, c)
	rt.Sleep(0)
	func5_main_three(<-c)

	rt.Sleep(0)
	func5_main_emptyresults()
	rt.Sleep(0)
	func5_main_noresults()
	rt.Sleep(0)
	func5_main_nothing = func5_main_emptyresults
	rt.Sleep(0)
	func5_main_nothing()
	rt.Sleep(0)
	func5_main_nothing = func5_main_noresults
	rt.Sleep(0)
	func5_main_nothing()
	rt.Sleep(0)
}

// async
func func5_main__run(t *conformT) {
	rt.Sleep(0)
	func5_main_main()
	rt.Sleep(0)
}
