// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/stringrange.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"os"
	"unicode/utf8"
)

// async
func stringrange_main_main() {
	rt.Sleep(0)
	s := "\000\123\x00\xca\xFE\u0123\ubabe\U0000babe\U0010FFFFx"
	rt.Sleep(0)
	expect := []rune{0, 0123, 0, 0xFFFD, 0xFFFD, 0x123, 0xbabe, 0xbabe, 0x10FFFF, 'x'}
	rt.Sleep(0)
	offset := 0
	rt.Sleep(0)
	var i int
	rt.Sleep(0)
	var c rune
	rt.Sleep(0)
	ok := true
	rt.Sleep(0)
	cnum := 0
	rt.Sleep(0)
	for i, c = range s {
		rt.Sleep(0)
		r, size := utf8.DecodeRuneInString(s[i:len(s)]) // check it another way
		rt.Sleep(0)
		if conformAwait(i != offset) {
			rt.Sleep(0)
			fmt.Printf("unexpected offset %d not %d\n", i, offset)
			rt.Sleep(0)
			ok = false
			rt.Sleep(0)
		}
		rt.Sleep(0)
		if conformAwait(r != expect[cnum]) {
			rt.Sleep(0)
			fmt.Printf("unexpected rune %d from DecodeRuneInString: %x not %x\n", i, r, expect[cnum])
			rt.Sleep(0)
			ok = false
			rt.Sleep(0)
		}
		rt.Sleep(0)
		if conformAwait(c != expect[cnum]) {
			rt.Sleep(0)
			fmt.Printf("unexpected rune %d from range: %x not %x\n", i, r, expect[cnum])
			rt.Sleep(0)
			ok = false
			rt.Sleep(0)
		}
		rt.Sleep(0)
		offset += size
		rt.Sleep(0)
		cnum++
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(i != len(s)-1) {
		rt.Sleep(0)
		fmt.Println("after loop i is", i, "not", len(s)-1)
		rt.Sleep(0)
		ok = false
		rt.Sleep(0)
	}

	rt.Sleep(0)
	i = 12345
	rt.Sleep(0)
	c = 23456
	rt.Sleep(0)
	for i, c = range "" {
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(i != 12345) {
		rt.Sleep(0)
		fmt.Println("range empty string assigned to index:", i)
		rt.Sleep(0)
		ok = false
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if conformAwait(c != 23456) {
		rt.Sleep(0)
		fmt.Println("range empty string assigned to value:", c)
		rt.Sleep(0)
		ok = false
		rt.Sleep(0)
	}

	rt.Sleep(0)
	for _, c := range "a\xed\xa0\x80a" {
		rt.Sleep(0)
		if conformAwait(c != 'a' && c != utf8.RuneError) {
			rt.Sleep(0)
			fmt.Printf("surrogate UTF-8 does not produce an error: %U\n", c)
			rt.Sleep(0)
			ok = false
			rt.Sleep(0)
		}
	}

	rt.Sleep(0)
	if conformAwait(!ok) {
		rt.Sleep(0)
		fmt.Println("BUG: stringrange")
		rt.Sleep(0)
		os.Exit(1)
		rt.Sleep(0)
	}
}

// async
func stringrange_main__run(t *conformT) {
	rt.Sleep(0)
	stringrange_main_main()
	rt.Sleep(0)
}
