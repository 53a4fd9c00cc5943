// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/switch.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
	"os"
)

// async
func switch_main_assert(cond bool, msg string) {
	rt.Sleep(0)
	if conformAwait(!cond) {
		rt.Sleep(0)
		print("assertion fail: ", msg, "\n")
		rt.Sleep(0)
		panic(1)
	}
}

// async
func switch_main_main() {
	rt.Sleep(0)
	i5 := 5
	rt.Sleep(0)
	i7 := 7
	rt.Sleep(0)
	hello := "hello"

	rt.Sleep(0)
	switch true {
	case i5 < 5:
		rt.Sleep(0)
		switch_main_assert(false, "<")
		rt.Sleep(0)
	case i5 == 5:
		rt.Sleep(0)
		switch_main_assert(true, "!")
		rt.Sleep(0)
	case i5 > 5:
		rt.Sleep(0)
		switch_main_assert(false, ">")
		rt.Sleep(0)
	}

	rt.Sleep(0)
	switch {
	case i5 < 5:
		rt.Sleep(0)
		switch_main_assert(false, "<")
		rt.Sleep(0)
	case i5 == 5:
		rt.Sleep(0)
		switch_main_assert(true, "!")
		rt.Sleep(0)
	case i5 > 5:
		rt.Sleep(0)
		switch_main_assert(false, ">")
		rt.Sleep(0)
	}

	rt.Sleep(0)
	switch x := 5; true {
	case i5 < x:
		rt.Sleep(0)
		switch_main_assert(false, "<")
		rt.Sleep(0)
	case i5 == x:
		rt.Sleep(0)
		switch_main_assert(true, "!")
		rt.Sleep(0)
	case i5 > x:
		rt.Sleep(0)
		switch_main_assert(false, ">")
		rt.Sleep(0)
	}

	rt.Sleep(0)
	switch x := 5; true {
	case i5 < x:
		rt.Sleep(0)
		switch_main_assert(false, "<")
		rt.Sleep(0)
	case i5 == x:
		rt.Sleep(0)
		switch_main_assert(true, "!")
		rt.Sleep(0)
	case i5 > x:
		rt.Sleep(0)
		switch_main_assert(false, ">")
		rt.Sleep(0)
	}

	rt.Sleep(0)
	switch i5 {
	case 0:
		rt.Sleep(0)
		switch_main_assert(false, "0")
		rt.Sleep(0)
	case 1:
		rt.Sleep(0)
		switch_main_assert(false, "1")
		rt.Sleep(0)
	case 2:
		rt.Sleep(0)
		switch_main_assert(false, "2")
		rt.Sleep(0)
	case 3:
		rt.Sleep(0)
		switch_main_assert(false, "3")
		rt.Sleep(0)
	case 4:
		rt.Sleep(0)
		switch_main_assert(false, "4")
		rt.Sleep(0)
	case 5:
		rt.Sleep(0)
		switch_main_assert(true, "5")
		rt.Sleep(0)
	case 6:
		rt.Sleep(0)
		switch_main_assert(false, "6")
		rt.Sleep(0)
	case 7:
		rt.Sleep(0)
		switch_main_assert(false, "7")
		rt.Sleep(0)
	case 8:
		rt.Sleep(0)
		switch_main_assert(false, "8")
		rt.Sleep(0)
	case 9:
		rt.Sleep(0)
		switch_main_assert(false, "9")
		rt.Sleep(0)
	default:
		rt.Sleep(0)
		switch_main_assert(false, "default")
		rt.Sleep(0)
	}

	rt.Sleep(0)
	switch i5 {
	case 0, 1, 2, 3, 4:
		rt.Sleep(0)
		switch_main_assert(false, "4")
		rt.Sleep(0)
	case 5:
		rt.Sleep(0)
		switch_main_assert(true, "5")
		rt.Sleep(0)
	case 6, 7, 8, 9:
		rt.Sleep(0)
		switch_main_assert(false, "9")
		rt.Sleep(0)
	default:
		rt.Sleep(0)
		switch_main_assert(false, "default")
		rt.Sleep(0)
	}

	rt.Sleep(0)
	switch i5 {
	case 0:
		rt.Sleep(0)
	case 1:
		rt.Sleep(0)
	case 2:
		rt.Sleep(0)
	case 3:
		rt.Sleep(0)
	case 4:
		rt.Sleep(0)
		switch_main_assert(false, "4")
		rt.Sleep(0)
	case 5:
		rt.Sleep(0)
		switch_main_assert(true, "5")
		rt.Sleep(0)
	case 6:
		rt.Sleep(0)
	case 7:
		rt.Sleep(0)
	case 8:
		rt.Sleep(0)
	case 9:
		rt.Sleep(0)
	default:
		rt.Sleep(0)
		switch_main_assert(i5 == 5, "good")
		rt.Sleep(0)
	}

	rt.Sleep(0)
	switch i5 {
	case 0:
		rt.Sleep(0)
		dummy := 0
		rt.Sleep(0)
		_ = dummy
		rt.Sleep(0)
		fallthrough
	case 1:
		rt.Sleep(0)
		dummy := 0
		rt.Sleep(0)
		_ = dummy
		rt.Sleep(0)
		fallthrough
	case 2:
		rt.Sleep(0)
		dummy := 0
		rt.Sleep(0)
		_ = dummy
		rt.Sleep(0)
		fallthrough
	case 3:
		rt.Sleep(0)
		dummy := 0
		rt.Sleep(0)
		_ = dummy
		rt.Sleep(0)
		fallthrough
	case 4:
		rt.Sleep(0)
		dummy := 0
		rt.Sleep(0)
		_ = dummy
		rt.Sleep(0)
		switch_main_assert(false, "4")
		rt.Sleep(0)
	case 5:
		rt.Sleep(0)
		dummy := 0
		rt.Sleep(0)
		_ = dummy
		rt.Sleep(0)
		fallthrough
	case 6:
		rt.Sleep(0)
		dummy := 0
		rt.Sleep(0)
		_ = dummy
		rt.Sleep(0)
		fallthrough
	case 7:
		rt.Sleep(0)
		dummy := 0
		rt.Sleep(0)
		_ = dummy
		rt.Sleep(0)
		fallthrough
	case 8:
		rt.Sleep(0)
		dummy := 0
		rt.Sleep(0)
		_ = dummy
		rt.Sleep(0)
		fallthrough
	case 9:
		rt.Sleep(0)
		dummy := 0
		rt.Sleep(0)
		_ = dummy
		rt.Sleep(0)
		fallthrough
	default:
		rt.Sleep(0)
		dummy := 0
		rt.Sleep(0)
		_ = dummy
		rt.Sleep(0)
		switch_main_assert(i5 == 5, "good")
		rt.Sleep(0)
	}

	rt.Sleep(0)
	fired := false
	rt.Sleep(0)
	switch i5 {
	case 0:
		rt.Sleep(0)
		dummy := 0
		rt.Sleep(0)
		_ = dummy
		rt.Sleep(0)
		fallthrough // tests scoping of cases
	case 1:
		rt.Sleep(0)
		dummy := 0
		rt.Sleep(0)
		_ = dummy
		rt.Sleep(0)
		fallthrough
	case 2:
		rt.Sleep(0)
		dummy := 0
		rt.Sleep(0)
		_ = dummy
		rt.Sleep(0)
		fallthrough
	case 3:
		rt.Sleep(0)
		dummy := 0
		rt.Sleep(0)
		_ = dummy
		rt.Sleep(0)
		fallthrough
	case 4:
		rt.Sleep(0)
		dummy := 0
		rt.Sleep(0)
		_ = dummy
		rt.Sleep(0)
		switch_main_assert(false, "4")
		rt.Sleep(0)
	case 5:
		rt.Sleep(0)
		dummy := 0
		rt.Sleep(0)
		_ = dummy
		rt.Sleep(0)
		fallthrough
	case 6:
		rt.Sleep(0)
		dummy := 0
		rt.Sleep(0)
		_ = dummy
		rt.Sleep(0)
		fallthrough
	case 7:
		rt.Sleep(0)
		dummy := 0
		rt.Sleep(0)
		_ = dummy
		rt.Sleep(0)
		fallthrough
	case 8:
		rt.Sleep(0)
		dummy := 0
		rt.Sleep(0)
		_ = dummy
		rt.Sleep(0)
		fallthrough
	case 9:
		rt.Sleep(0)
		dummy := 0
		rt.Sleep(0)
		_ = dummy
		rt.Sleep(0)
		fallthrough
	default:
		rt.Sleep(0)
		dummy := 0
		rt.Sleep(0)
		_ = dummy
		rt.Sleep(0)
		fired = !fired
		rt.Sleep(0)
		switch_main_assert(i5 == 5, "good")
		rt.Sleep(0)
	}
	rt.Sleep(0)
	switch_main_assert(fired, "fired")

	rt.Sleep(0)
	count := 0
	rt.Sleep(0)
	switch i5 {
	case 0:
		rt.Sleep(0)
		count = count + 1
		rt.Sleep(0)
		fallthrough
	case 1:
		rt.Sleep(0)
		count = count + 1
		rt.Sleep(0)
		fallthrough
	case 2:
		rt.Sleep(0)
		count = count + 1
		rt.Sleep(0)
		fallthrough
	case 3:
		rt.Sleep(0)
		count = count + 1
		rt.Sleep(0)
		fallthrough
	case 4:
		rt.Sleep(0)
		count = count + 1
		rt.Sleep(0)
		switch_main_assert(false, "4")
		rt.Sleep(0)
	case 5:
		rt.Sleep(0)
		count = count + 1
		rt.Sleep(0)
		fallthrough
	case 6:
		rt.Sleep(0)
		count = count + 1
		rt.Sleep(0)
		fallthrough
	case 7:
		rt.Sleep(0)
		count = count + 1
		rt.Sleep(0)
		fallthrough
	case 8:
		rt.Sleep(0)
		count = count + 1
		rt.Sleep(0)
		fallthrough
	case 9:
		rt.Sleep(0)
		count = count + 1
		rt.Sleep(0)
		fallthrough
	default:
		rt.Sleep(0)
		switch_main_assert(i5 == count, "good")
		rt.Sleep(0)
	}
	rt.Sleep(0)
	switch_main_assert(fired, "fired")

	rt.Sleep(0)
	switch hello {
	case "wowie":
		rt.Sleep(0)
		switch_main_assert(false, "wowie")
		rt.Sleep(0)
	case "hello":
		rt.Sleep(0)
		switch_main_assert(true, "hello")
		rt.Sleep(0)
	case "jumpn":
		rt.Sleep(0)
		switch_main_assert(false, "jumpn")
		rt.Sleep(0)
	default:
		rt.Sleep(0)
		switch_main_assert(false, "default")
		rt.Sleep(0)
	}

	rt.Sleep(0)
	fired = false
	rt.Sleep(0)
	switch i := i5 + 2; i {
	case i7:
		rt.Sleep(0)
		fired = true
		rt.Sleep(0)
	default:
		rt.Sleep(0)
		switch_main_assert(false, "fail")
		rt.Sleep(0)
	}
	rt.Sleep(0)
	switch_main_assert(fired, "var")

	// switch on nil-only comparison types
	rt.Sleep(0)
	switch f := func() {}; f {
	case nil:
		rt.Sleep(0)
		switch_main_assert(false, "f should not be nil")
		rt.Sleep(0)
	default:
		rt.Sleep(0)
	}

	rt.Sleep(0)
	switch m := make(map[int]int); m {
	case nil:
		rt.Sleep(0)
		switch_main_assert(false, "m should not be nil")
		rt.Sleep(0)
	default:
		rt.Sleep(0)
	}

	rt.Sleep(0)
	switch a := make([]int, 1); a {
	case nil:
		rt.Sleep(0)
		switch_main_assert(false, "m should not be nil")
		rt.Sleep(0)
	default:
		rt.Sleep(0)
	}

	// switch on interface.
	rt.Sleep(0)
	switch i := interface{}("hello"); i {
	case 42:
		rt.Sleep(0)
		switch_main_assert(false, `i should be "hello"`)
		rt.Sleep(0)
	case "hello":
		rt.Sleep(0)
		switch_main_assert(true, "hello")
		rt.Sleep(0)
	default:
		rt.Sleep(0)
		switch_main_assert(false, `i should be "hello"`)
		rt.Sleep(0)
	}

	// switch on implicit bool converted to interface
	// was broken: see issue 3980
	rt.Sleep(0)
	switch i := interface{}(true); {
	case i:
		rt.Sleep(0)
		switch_main_assert(true, "true")
		rt.Sleep(0)
	case false:
		rt.Sleep(0)
		switch_main_assert(false, "i should be true")
		rt.Sleep(0)
	default:
		rt.Sleep(0)
		switch_main_assert(false, "i should be true")
		rt.Sleep(0)
	}

	// switch on interface with constant cases differing by type.
	// was rejected by compiler: see issue 4781
	rt.Sleep(0)
	type T int
	rt.Sleep(0)
	type B bool
	rt.Sleep(0)
	type F float64
	rt.Sleep(0)
	type S string
	rt.Sleep(0)
	switch i := interface{}(float64(1.0)); i {
	case nil:
		rt.Sleep(0)
		switch_main_assert(false, "i should be float64(1.0)")
		rt.Sleep(0)
	case (*int)(nil):
		rt.Sleep(0)
		switch_main_assert(false, "i should be float64(1.0)")
		rt.Sleep(0)
	case 1:
		rt.Sleep(0)
		switch_main_assert(false, "i should be float64(1.0)")
		rt.Sleep(0)
	case T(1):
		rt.Sleep(0)
		switch_main_assert(false, "i should be float64(1.0)")
		rt.Sleep(0)
	case F(1.0):
		rt.Sleep(0)
		switch_main_assert(false, "i should be float64(1.0)")
		rt.Sleep(0)
	case 1.0:
		rt.Sleep(0)
		switch_main_assert(true, "true")
		rt.Sleep(0)
	case "hello":
		rt.Sleep(0)
		switch_main_assert(false, "i should be float64(1.0)")
		rt.Sleep(0)
	case S("hello"):
		rt.Sleep(0)
		switch_main_assert(false, "i should be float64(1.0)")
		rt.Sleep(0)
	case true, B(false):
		rt.Sleep(0)
		switch_main_assert(false, "i should be float64(1.0)")
		rt.Sleep(0)
	case false, B(true):
		rt.Sleep(0)
		switch_main_assert(false, "i should be float64(1.0)")
		rt.Sleep(0)
	}

	// switch on array.
	rt.Sleep(0)
	switch ar := [3]int{1, 2, 3}; ar {
	case [3]int{1, 2, 3}:
		rt.Sleep(0)
		switch_main_assert(true, "[1 2 3]")
		rt.Sleep(0)
	case [3]int{4, 5, 6}:
		rt.Sleep(0)
		switch_main_assert(false, "ar should be [1 2 3]")
		rt.Sleep(0)
	default:
		rt.Sleep(0)
		switch_main_assert(false, "ar should be [1 2 3]")
		rt.Sleep(0)
	}

	// switch on channel
	rt.Sleep(0)
	switch c1, c2 := make(chan int), make(chan int); c1 {
	case nil:
		rt.Sleep(0)
		switch_main_assert(false, "c1 did not match itself")
		rt.Sleep(0)
	case c2:
		rt.Sleep(0)
		switch_main_assert(false, "c1 did not match itself")
		rt.Sleep(0)
	case c1:
		rt.Sleep(0)
		switch_main_assert(true, "chan")
		rt.Sleep(0)
	default:
		rt.Sleep(0)
		switch_main_assert(false, "c1 did not match itself")
		rt.Sleep(0)
	}

	// empty switch
	rt.Sleep(0)
	switch {
	}

	// empty switch with default case.
	rt.Sleep(0)
	fired = false
	rt.Sleep(0)
	switch {
	default:
		rt.Sleep(0)
		fired = true
		rt.Sleep(0)
	}
	rt.Sleep(0)
	switch_main_assert(fired, "fail")

	// Default and fallthrough.
	rt.Sleep(0)
	count = 0
	rt.Sleep(0)
	switch {
	default:
		rt.Sleep(0)
		count++
		rt.Sleep(0)
		fallthrough
	case false:
		rt.Sleep(0)
		count++
		rt.Sleep(0)
	}
	rt.Sleep(0)
	switch_main_assert(count == 2, "fail")

	// fallthrough to default, which is not at end.
	rt.Sleep(0)
	count = 0
	rt.Sleep(0)
	switch i5 {
	case 5:
		rt.Sleep(0)
		count++
		rt.Sleep(0)
		fallthrough
	default:
		rt.Sleep(0)
		count++
		rt.Sleep(0)
	case 6:
		rt.Sleep(0)
		count++
		rt.Sleep(0)
	}
	rt.Sleep(0)
	switch_main_assert(count == 2, "fail")

	rt.Sleep(0)
	i := 0
	rt.Sleep(0)
	switch x := 5; {
	case i < x:
		rt.Sleep(0)
		os.Exit(0)
		rt.Sleep(0)
	case i == x:
		rt.Sleep(0)
	case i > x:
		rt.Sleep(0)
		os.Exit(1)
		rt.Sleep(0)
	}

	// Unified IR converts the tag and all case values to empty
	// interface, when any of the case values aren't assignable to the
	// tag value's type. Make sure that `case nil:` compares against the
	// tag type's nil value (i.e., `(*int)(nil)`), not nil interface
	// (i.e., `any(nil)`).
	rt.Sleep(0)
	switch (*int)(nil) {
	case nil:
		rt.Sleep(0)
		// ok
	case any(nil):
		rt.Sleep(0)
		switch_main_assert(false, "case any(nil) matched")
		rt.Sleep(0)
	default:
		rt.Sleep(0)
		switch_main_assert(false, "default matched")
		rt.Sleep(0)
	}
}

// async
func switch_main__run(t *conformT) {
	rt.Sleep(0)
	switch_main_main()
	rt.Sleep(0)
}
