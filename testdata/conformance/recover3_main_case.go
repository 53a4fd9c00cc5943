// Copyright 2010 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/recover3.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
	"runtime"
	"strings"
)

var recover3_main_didbug bool

func recover3_main_bug() {
	if recover3_main_didbug {
		return
	}
	println("BUG")
	recover3_main_didbug = true
}

// async
func recover3_main_check(name string, f func(), err string) {
	rt.Sleep(0)
	defer func() {
		v := recover()
		if v == nil {
			recover3_main_bug()
			println(name, "did not panic")
			return
		}
		runt, ok := v.(runtime.Error)
		if !ok {
			recover3_main_bug()
			println(name, "panicked but not with runtime.Error")
			return
		}
		s := runt.Error()
		if strings.Index(s, err) < 0 {
			recover3_main_bug()
			println(name, "panicked with", s, "not", err)
			return
		}
	}()

	rt.Sleep(0)
	f()
	rt.Sleep(0)
}

// async
func recover3_main_main() {
	rt.Sleep(0)
	var x int
	rt.Sleep(0)
	var x64 int64
	rt.Sleep(0)
	var p *[10]int
	rt.Sleep(0)
	var q *[10000]int
	rt.Sleep(0)
	var i int

	rt.Sleep(0)
	recover3_main_check("int-div-zero", func() { println(1 / x) }, "integer divide by zero")
	rt.Sleep(0)
	recover3_main_check("int64-div-zero", func() { println(1 / x64) }, "integer divide by zero")

	rt.Sleep(0)
	recover3_main_check("nil-deref", func() { println(p[0]) }, "nil pointer dereference")
	rt.Sleep(0)
	recover3_main_check("nil-deref-1", func() { println(p[1]) }, "nil pointer dereference")
	rt.Sleep(0)
	recover3_main_check("nil-deref-big", func() { println(q[5000]) }, "nil pointer dereference")

	rt.Sleep(0)
	i = 99999
	rt.Sleep(0)
	var sl []int
	rt.Sleep(0)
	p1 := new([10]int)
	rt.Sleep(0)
	recover3_main_check("array-bounds", func() { println(p1[i]) }, "index out of range")
	rt.Sleep(0)
	recover3_main_check("slice-bounds", func() { println(sl[i]) }, "index out of range")

	rt.Sleep(0)
	var inter interface{}
	rt.Sleep(0)
	inter = 1
	rt.Sleep(0)
	recover3_main_check("type-concrete", func() { println(inter.(string)) }, "int, not string")
	rt.Sleep(0)
	recover3_main_check("type-interface", func() { println(inter.(recover3_main_m)) }, "missing method m")

	rt.Sleep(0)
	if conformAwait(recover3_main_didbug) {
		rt.Sleep(0)
		panic("recover3")
	}
}

type recover3_main_m interface {
	m()
}

// async
func recover3_main__run(t *conformT) {
	rt.Sleep(0)
	recover3_main_main()
	rt.Sleep(0)
}
