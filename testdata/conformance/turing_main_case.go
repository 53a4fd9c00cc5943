// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/turing.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

var turing_main_p, turing_main_pc int

var turing_main_a [30000]byte

const turing_main_prog = "++++++++++[>+++++++>++++++++++>+++>+<<<<-]>++.>+.+++++++..+++.>++.<<+++++++++++++++.>.+++.------.--------.>+.>.!"

// async
func turing_main_scan(dir int) {
	rt.Sleep(0)
	for nest := dir; conformAwait(dir*nest > 0); turing_main_pc += dir {
		rt.Sleep(0)
		switch turing_main_prog[turing_main_pc+dir] {
		case ']':
			rt.Sleep(0)
			nest--
			rt.Sleep(0)
		case '[':
			rt.Sleep(0)
			nest++
			rt.Sleep(0)
		}
	}
}

// async
func turing_main_main() {
	rt.Sleep(0)
	r := ""
	rt.Sleep(0)
	for {
		rt.Sleep(0)
		switch turing_main_prog[turing_main_pc] {
		case '>':
			rt.Sleep(0)
			turing_main_p++
			rt.Sleep(0)
		case '<':
			rt.Sleep(0)
			turing_main_p--
			rt.Sleep(0)
		case '+':
			rt.Sleep(0)
			turing_main_a[turing_main_p]++
			rt.Sleep(0)
		case '-':
			rt.Sleep(0)
			turing_main_a[turing_main_p]--
			rt.Sleep(0)
		case '.':
			rt.Sleep(0)
			r += string(turing_main_a[turing_main_p])
			rt.Sleep(0)
		case '[':
			rt.Sleep(0)
			if conformAwait(turing_main_a[turing_main_p] == 0) {
				rt.Sleep(0)
				turing_main_scan(1)
				rt.Sleep(0)
			}
		case ']':
			rt.Sleep(0)
			if conformAwait(turing_main_a[turing_main_p] != 0) {
				rt.Sleep(0)
				turing_main_scan(-1)
				rt.Sleep(0)
			}
		default:
			rt.Sleep(0)
			if conformAwait(r != "Hello World!\n") {
				rt.Sleep(0)
				panic(r)
			}
			rt.Sleep(0)
			return
		}
		rt.Sleep(0)
		turing_main_pc++
		rt.Sleep(0)
	}
}

// async
func turing_main__run(t *conformT) {
	rt.Sleep(0)
	turing_main_main()
	rt.Sleep(0)
}
