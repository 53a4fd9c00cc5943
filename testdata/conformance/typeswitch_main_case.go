// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeswitch.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
	"os"
)

const (
	typeswitch_main_Bool = iota
	typeswitch_main_Int
	typeswitch_main_Float
	typeswitch_main_String
	typeswitch_main_Struct
	typeswitch_main_Chan
	typeswitch_main_Array
	typeswitch_main_Map
	typeswitch_main_Func
	typeswitch_main_Last
)

type typeswitch_main_S struct {
	a int
}

var typeswitch_main_s typeswitch_main_S = typeswitch_main_S{1234}

var typeswitch_main_c = make(chan int)

var typeswitch_main_a = []int{0, 1, 2, 3}

var typeswitch_main_m = make(map[string]int)

// async
func typeswitch_main_assert(b bool, s string) {
	rt.Sleep(0)
	if conformAwait(!b) {
		rt.Sleep(0)
		println(s)
		rt.Sleep(0)
		os.Exit(1)
		rt.Sleep(0)
	}
}

// async
func typeswitch_main_f(i int) interface{} {
	rt.Sleep(0)
	switch i {
	case typeswitch_main_Bool:
		rt.Sleep(0)
		return true
	case typeswitch_main_Int:
		rt.Sleep(0)
		return 7
	case typeswitch_main_Float:
		rt.Sleep(0)
		return 7.4
	case typeswitch_main_String:
		rt.Sleep(0)
		return "hello"
	case typeswitch_main_Struct:
		rt.Sleep(0)
		return typeswitch_main_s
	case typeswitch_main_Chan:
		rt.Sleep(0)
		return typeswitch_main_c
	case typeswitch_main_Array:
		rt.Sleep(0)
		return typeswitch_main_a
	case typeswitch_main_Map:
		rt.Sleep(0)
		return typeswitch_main_m
	case typeswitch_main_Func:
		rt.Sleep(0)
		return typeswitch_main_f
	}
	rt.Sleep(0)
	panic("bad type number")
}

// async
func typeswitch_main_main() {
	rt.Sleep(0)
	for i := typeswitch_main_Bool; conformAwait(i < typeswitch_main_Last); i++ {
		rt.Sleep(0)
		switch x := typeswitch_main_f(i).(type) {
		case bool:
			rt.Sleep(0)
			typeswitch_main_assert(x == true && i == typeswitch_main_Bool, "bool")
			rt.Sleep(0)
		case int:
			rt.Sleep(0)
			typeswitch_main_assert(x == 7 && i == typeswitch_main_Int, "int")
			rt.Sleep(0)
		case float64:
			rt.Sleep(0)
			typeswitch_main_assert(x == 7.4 && i == typeswitch_main_Float, "float64")
			rt.Sleep(0)
		case string:
			rt.Sleep(0)
			typeswitch_main_assert(x == "hello" && i == typeswitch_main_String, "string")
			rt.Sleep(0)
		case typeswitch_main_S:
			rt.Sleep(0)
			typeswitch_main_assert(x.a == 1234 && i == typeswitch_main_Struct, "struct")
			rt.Sleep(0)
		case chan int:
			rt.Sleep(0)
			typeswitch_main_assert(x == typeswitch_main_c && i == typeswitch_main_Chan, "chan")
			rt.Sleep(0)
		case []int:
			rt.Sleep(0)
			typeswitch_main_assert(x[3] == 3 && i == typeswitch_main_Array, "array")
			rt.Sleep(0)
		case map[string]int:
			rt.Sleep(0)
			typeswitch_main_assert(x != nil && i == typeswitch_main_Map, "map")
			rt.Sleep(0)
		case func(i int) interface{}:
			rt.Sleep(0)
			typeswitch_main_assert(x != nil && i == typeswitch_main_Func, "fun")
			rt.Sleep(0)
		default:
			rt.Sleep(0)
			typeswitch_main_assert(false, "unknown")
			rt.Sleep(0)
		}
	}

	// boolean switch (has had bugs in past; worth writing down)
	rt.Sleep(0)
	switch {
	case true:
		rt.Sleep(0)
		typeswitch_main_assert(true, "switch 2 bool")
		rt.Sleep(0)
	default:
		rt.Sleep(0)
		typeswitch_main_assert(false, "switch 2 unknown")
		rt.Sleep(0)
	}

	rt.Sleep(0)
	switch true {
	case true:
		rt.Sleep(0)
		typeswitch_main_assert(true, "switch 3 bool")
		rt.Sleep(0)
	default:
		rt.Sleep(0)
		typeswitch_main_assert(false, "switch 3 unknown")
		rt.Sleep(0)
	}

	rt.Sleep(0)
	switch false {
	case false:
		rt.Sleep(0)
		typeswitch_main_assert(true, "switch 4 bool")
		rt.Sleep(0)
	default:
		rt.Sleep(0)
		typeswitch_main_assert(false, "switch 4 unknown")
		rt.Sleep(0)
	}
}

// async
func typeswitch_main__run(t *conformT) {
	rt.Sleep(0)
	typeswitch_main_main()
	rt.Sleep(0)
}
