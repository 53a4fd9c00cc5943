// Copyright 2010 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/reorder2.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

var reorder2_main_log string

type reorder2_main_TT int

// async
func (t reorder2_main_TT) a(s string) reorder2_main_TT {
	rt.Sleep(0)
	reorder2_main_log += "a(" + s + ")"
	rt.Sleep(0)
	return t
}

// async
func (reorder2_main_TT) b(s string) string {
	rt.Sleep(0)
	reorder2_main_log += "b(" + s + ")"
	rt.Sleep(0)
	return s
}

type reorder2_main_F func(s string) reorder2_main_F

// async
func reorder2_main_a(s string) reorder2_main_F {
	rt.Sleep(0)
	reorder2_main_log += "a(" + s + ")"
	rt.Sleep(0)
	return reorder2_main_F(reorder2_main_a)
}

// async
func reorder2_main_b(s string) string {
	rt.Sleep(0)
	reorder2_main_log += "b(" + s + ")"
	rt.Sleep(0)
	return s
}

type reorder2_main_I interface {
	a(s string) reorder2_main_I
	b(s string) string
}

type reorder2_main_T1 int

// async
func (t reorder2_main_T1) a(s string) reorder2_main_I {
	rt.Sleep(0)
	reorder2_main_log += "a(" + s + ")"
	rt.Sleep(0)
	return t
}

// async
func (reorder2_main_T1) b(s string) string {
	rt.Sleep(0)
	reorder2_main_log += "b(" + s + ")"
	rt.Sleep(0)
	return s
}

// async
//
//go:noinline
func reorder2_main_ff(x, y string) {
	rt.Sleep(0)
	reorder2_main_log += "ff(" + x + ", " + y + ")"
	rt.Sleep(0)
}

// async
func reorder2_main_h(x string) string {
	rt.Sleep(0)
	reorder2_main_log += "h(" + x + ")"
	rt.Sleep(0)
	return x
}

// async
//
//go:noinline
func reorder2_main_g(x string) string {
	rt.Sleep(0)
	reorder2_main_log += "g(" + x + ")"
	rt.Sleep(0)
	return x
}

// async
func reorder2_main_main() {
	rt.Sleep(0)
	err := 0
	rt.Sleep(0)
	var t reorder2_main_TT
	rt.Sleep(0)
	if reorder2_main_a("1")("2")("3"); conformAwait(reorder2_main_log != "a(1)a(2)a(3)") {
		rt.Sleep(0)
		println("expecting a(1)a(2)a(3) , got ", reorder2_main_log)
		rt.Sleep(0)
		err++
		rt.Sleep(0)
	}
	rt.Sleep(0)
	reorder2_main_log = ""

	rt.Sleep(0)
	if t.a("1").a(t.b("2")); conformAwait(reorder2_main_log != "a(1)b(2)a(2)") {
		rt.Sleep(0)
		println("expecting a(1)b(2)a(2), got ", reorder2_main_log)
		rt.Sleep(0)
		err++
		rt.Sleep(0)
	}
	rt.Sleep(0)
	reorder2_main_log = ""
	rt.Sleep(0)
	if reorder2_main_a("3")(reorder2_main_b("4"))(reorder2_main_b("5")); conformAwait(reorder2_main_log != "a(3)b(4)a(4)b(5)a(5)") {
		rt.Sleep(0)
		println("expecting a(3)b(4)a(4)b(5)a(5), got ", reorder2_main_log)
		rt.Sleep(0)
		err++
		rt.Sleep(0)
	}
	rt.Sleep(0)
	reorder2_main_log = ""
	rt.Sleep(0)
	var i reorder2_main_I = reorder2_main_T1(0)
	rt.Sleep(0)
	if i.a("6").a(i.b("7")).a(i.b("8")).a(i.b("9")); conformAwait(reorder2_main_log != "a(6)b(7)a(7)b(8)a(8)b(9)a(9)") {
		rt.Sleep(0)
		println("expecting a(6)ba(7)ba(8)ba(9), got", reorder2_main_log)
		rt.Sleep(0)
		err++
		rt.Sleep(0)
	}
	rt.Sleep(0)
	reorder2_main_log = ""

	rt.Sleep(0)
	if s := t.a("1").b("3"); conformAwait(reorder2_main_log != "a(1)b(3)" || s != "3") {
		rt.Sleep(0)
		println("expecting a(1)b(3) and 3, got ", reorder2_main_log, " and ", s)
		rt.Sleep(0)
		err++
		rt.Sleep(0)
	}
	rt.Sleep(0)
	reorder2_main_log = ""

	rt.Sleep(0)
	if s := t.a("1").a(t.b("2")).b("3") + t.a("4").b("5"); conformAwait(reorder2_main_log != "a(1)b(2)a(2)b(3)a(4)b(5)" || s != "35") {
		rt.Sleep(0)
		println("expecting a(1)b(2)a(2)b(3)a(4)b(5) and 35, got ", reorder2_main_log, " and ", s)
		rt.Sleep(0)
		err++
		rt.Sleep(0)
	}
	rt.Sleep(0)
	reorder2_main_log = ""

	rt.Sleep(0)
	if s := t.a("4").b("5") + t.a("1").a(t.b("2")).b("3"); conformAwait(reorder2_main_log != "a(4)b(5)a(1)b(2)a(2)b(3)" || s != "53") {
		rt.Sleep(0)
		println("expecting a(4)b(5)a(1)b(2)a(2)b(3) and 35, got ", reorder2_main_log, " and ", s)
		rt.Sleep(0)
		err++
		rt.Sleep(0)
	}
	rt.Sleep(0)
	reorder2_main_log = ""

	rt.Sleep(0)
	if reorder2_main_ff(reorder2_main_g("1"), reorder2_main_g("2")); conformAwait(reorder2_main_log != "g(1)g(2)ff(1, 2)") {
		rt.Sleep(0)
		println("expecting g(1)g(2)ff..., got ", reorder2_main_log)
		rt.Sleep(0)
		err++
		rt.Sleep(0)
	}
	rt.Sleep(0)
	reorder2_main_log = ""

	rt.Sleep(0)
	if reorder2_main_ff(reorder2_main_g("1"), reorder2_main_h("2")); conformAwait(reorder2_main_log != "g(1)h(2)ff(1, 2)") {
		rt.Sleep(0)
		println("expecting g(1)h(2)ff..., got ", reorder2_main_log)
		rt.Sleep(0)
		err++
		rt.Sleep(0)
	}
	rt.Sleep(0)
	reorder2_main_log = ""

	rt.Sleep(0)
	if reorder2_main_ff(reorder2_main_h("1"), reorder2_main_g("2")); conformAwait(reorder2_main_log != "h(1)g(2)ff(1, 2)") {
		rt.Sleep(0)
		println("expecting h(1)g(2)ff..., got ", reorder2_main_log)
		rt.Sleep(0)
		err++
		rt.Sleep(0)
	}
	rt.Sleep(0)
	reorder2_main_log = ""

	rt.Sleep(0)
	if reorder2_main_ff(reorder2_main_h("1"), reorder2_main_h("2")); conformAwait(reorder2_main_log != "h(1)h(2)ff(1, 2)") {
		rt.Sleep(0)
		println("expecting h(1)h(2)ff..., got ", reorder2_main_log)
		rt.Sleep(0)
		err++
		rt.Sleep(0)
	}
	rt.Sleep(0)
	reorder2_main_log = ""

	rt.Sleep(0)
	if s := reorder2_main_g("1") + reorder2_main_g("2"); conformAwait(reorder2_main_log != "g(1)g(2)" || s != "12") {
		rt.Sleep(0)
		println("expecting g1g2 and 12, got ", reorder2_main_log, " and ", s)
		rt.Sleep(0)
		err++
		rt.Sleep(0)
	}
	rt.Sleep(0)
	reorder2_main_log = ""

	rt.Sleep(0)
	if s := reorder2_main_g("1") + reorder2_main_h("2"); conformAwait(reorder2_main_log != "g(1)h(2)" || s != "12") {
		rt.Sleep(0)
		println("expecting g1h2 and 12, got ", reorder2_main_log, " and ", s)
		rt.Sleep(0)
		err++
		rt.Sleep(0)
	}
	rt.Sleep(0)
	reorder2_main_log = ""

	rt.Sleep(0)
	if s := reorder2_main_h("1") + reorder2_main_g("2"); conformAwait(reorder2_main_log != "h(1)g(2)" || s != "12") {
		rt.Sleep(0)
		println("expecting h1g2 and 12, got ", reorder2_main_log, " and ", s)
		rt.Sleep(0)
		err++
		rt.Sleep(0)
	}
	rt.Sleep(0)
	reorder2_main_log = ""

	rt.Sleep(0)
	if s := reorder2_main_h("1") + reorder2_main_h("2"); conformAwait(reorder2_main_log != "h(1)h(2)" || s != "12") {
		rt.Sleep(0)
		println("expecting h1h2 and 12, got ", reorder2_main_log, " and ", s)
		rt.Sleep(0)
		err++
		rt.Sleep(0)
	}
	rt.Sleep(0)
	reorder2_main_log = ""

	rt.Sleep(0)
	x := 0
	rt.Sleep(0)
	switch x {
	case 0:
		rt.Sleep(0)
		if reorder2_main_a("1")("2")("3"); conformAwait(reorder2_main_log != "a(1)a(2)a(3)") {
			rt.Sleep(0)
			println("in switch, expecting a(1)a(2)a(3) , got ", reorder2_main_log)
			rt.Sleep(0)
			err++
			rt.Sleep(0)
		}
		rt.Sleep(0)
		reorder2_main_log = ""

		rt.Sleep(0)
		if t.a("1").a(t.b("2")); conformAwait(reorder2_main_log != "a(1)b(2)a(2)") {
			rt.Sleep(0)
			println("in switch, expecting a(1)b(2)a(2), got ", reorder2_main_log)
			rt.Sleep(0)
			err++
			rt.Sleep(0)
		}
		rt.Sleep(0)
		reorder2_main_log = ""
		rt.Sleep(0)
		if reorder2_main_a("3")(reorder2_main_b("4"))(reorder2_main_b("5")); conformAwait(reorder2_main_log != "a(3)b(4)a(4)b(5)a(5)") {
			rt.Sleep(0)
			println("in switch, expecting a(3)b(4)a(4)b(5)a(5), got ", reorder2_main_log)
			rt.Sleep(0)
			err++
			rt.Sleep(0)
		}
		rt.Sleep(0)
		reorder2_main_log = ""
		rt.Sleep(0)
		var i reorder2_main_I = reorder2_main_T1(0)
		rt.Sleep(0)
		if i.a("6").a(i.b("7")).a(i.b("8")).a(i.b("9")); conformAwait(reorder2_main_log != "a(6)b(7)a(7)b(8)a(8)b(9)a(9)") {
			rt.Sleep(0)
			println("in switch, expecting a(6)ba(7)ba(8)ba(9), got", reorder2_main_log)
			rt.Sleep(0)
			err++
			rt.Sleep(0)
		}
		rt.Sleep(0)
		reorder2_main_log = ""
		rt.Sleep(0)
	}

	rt.Sleep(0)
	c := make(chan int, 1)
	rt.Sleep(0)
	c <- 1
	rt.Sleep(0)
	select {
	case c <- 0:
		rt.Sleep(0)
	case c <- 1:
		rt.Sleep(0)
	case <-c:
		rt.Sleep(0)
		if reorder2_main_a("1")("2")("3"); conformAwait(reorder2_main_log != "a(1)a(2)a(3)") {
			rt.Sleep(0)
			println("in select1, expecting a(1)a(2)a(3) , got ", reorder2_main_log)
			rt.Sleep(0)
			err++
			rt.Sleep(0)
		}
		rt.Sleep(0)
		reorder2_main_log = ""

		rt.Sleep(0)
		if t.a("1").a(t.b("2")); conformAwait(reorder2_main_log != "a(1)b(2)a(2)") {
			rt.Sleep(0)
			println("in select1, expecting a(1)b(2)a(2), got ", reorder2_main_log)
			rt.Sleep(0)
			err++
			rt.Sleep(0)
		}
		rt.Sleep(0)
		reorder2_main_log = ""
		rt.Sleep(0)
		if reorder2_main_a("3")(reorder2_main_b("4"))(reorder2_main_b("5")); conformAwait(reorder2_main_log != "a(3)b(4)a(4)b(5)a(5)") {
			rt.Sleep(0)
			println("in select1, expecting a(3)b(4)a(4)b(5)a(5), got ", reorder2_main_log)
			rt.Sleep(0)
			err++
			rt.Sleep(0)
		}
		rt.Sleep(0)
		reorder2_main_log = ""
		rt.Sleep(0)
		var i reorder2_main_I = reorder2_main_T1(0)
		rt.Sleep(0)
		if i.a("6").a(i.b("7")).a(i.b("8")).a(i.b("9")); conformAwait(reorder2_main_log != "a(6)b(7)a(7)b(8)a(8)b(9)a(9)") {
			rt.Sleep(0)
			println("in select1, expecting a(6)ba(7)ba(8)ba(9), got", reorder2_main_log)
			rt.Sleep(0)
			err++
			rt.Sleep(0)
		}
		rt.Sleep(0)
		reorder2_main_log = ""
		rt.Sleep(0)
	}

	rt.Sleep(0)
	c <- 1
	rt.Sleep(0)
	select {
	case <-c:
		rt.Sleep(0)
		if reorder2_main_a("1")("2")("3"); conformAwait(reorder2_main_log != "a(1)a(2)a(3)") {
			rt.Sleep(0)
			println("in select2, expecting a(1)a(2)a(3) , got ", reorder2_main_log)
			rt.Sleep(0)
			err++
			rt.Sleep(0)
		}
		rt.Sleep(0)
		reorder2_main_log = ""

		rt.Sleep(0)
		if t.a("1").a(t.b("2")); conformAwait(reorder2_main_log != "a(1)b(2)a(2)") {
			rt.Sleep(0)
			println("in select2, expecting a(1)b(2)a(2), got ", reorder2_main_log)
			rt.Sleep(0)
			err++
			rt.Sleep(0)
		}
		rt.Sleep(0)
		reorder2_main_log = ""
		rt.Sleep(0)
		if reorder2_main_a("3")(reorder2_main_b("4"))(reorder2_main_b("5")); conformAwait(reorder2_main_log != "a(3)b(4)a(4)b(5)a(5)") {
			rt.Sleep(0)
			println("in select2, expecting a(3)b(4)a(4)b(5)a(5), got ", reorder2_main_log)
			rt.Sleep(0)
			err++
			rt.Sleep(0)
		}
		rt.Sleep(0)
		reorder2_main_log = ""
		rt.Sleep(0)
		var i reorder2_main_I = reorder2_main_T1(0)
		rt.Sleep(0)
		if i.a("6").a(i.b("7")).a(i.b("8")).a(i.b("9")); conformAwait(reorder2_main_log != "a(6)b(7)a(7)b(8)a(8)b(9)a(9)") {
			rt.Sleep(0)
			println("in select2, expecting a(6)ba(7)ba(8)ba(9), got", reorder2_main_log)
			rt.Sleep(0)
			err++
			rt.Sleep(0)
		}
		rt.Sleep(0)
		reorder2_main_log = ""
		rt.Sleep(0)
	}

	rt.Sleep(0)
	c <- 1
	rt.Sleep(0)
	select {
	default:
		rt.Sleep(0)
	case c <- 1:
		rt.Sleep(0)
	case <-c:
		rt.Sleep(0)
		if reorder2_main_a("1")("2")("3"); conformAwait(reorder2_main_log != "a(1)a(2)a(3)") {
			rt.Sleep(0)
			println("in select3, expecting a(1)a(2)a(3) , got ", reorder2_main_log)
			rt.Sleep(0)
			err++
			rt.Sleep(0)
		}
		rt.Sleep(0)
		reorder2_main_log = ""

		rt.Sleep(0)
		if t.a("1").a(t.b("2")); conformAwait(reorder2_main_log != "a(1)b(2)a(2)") {
			rt.Sleep(0)
			println("in select3, expecting a(1)b(2)a(2), got ", reorder2_main_log)
			rt.Sleep(0)
			err++
			rt.Sleep(0)
		}
		rt.Sleep(0)
		reorder2_main_log = ""
		rt.Sleep(0)
		if reorder2_main_a("3")(reorder2_main_b("4"))(reorder2_main_b("5")); conformAwait(reorder2_main_log != "a(3)b(4)a(4)b(5)a(5)") {
			rt.Sleep(0)
			println("in select3, expecting a(3)b(4)a(4)b(5)a(5), got ", reorder2_main_log)
			rt.Sleep(0)
			err++
			rt.Sleep(0)
		}
		rt.Sleep(0)
		reorder2_main_log = ""
		rt.Sleep(0)
		var i reorder2_main_I = reorder2_main_T1(0)
		rt.Sleep(0)
		if i.a("6").a(i.b("7")).a(i.b("8")).a(i.b("9")); conformAwait(reorder2_main_log != "a(6)b(7)a(7)b(8)a(8)b(9)a(9)") {
			rt.Sleep(0)
			println("in select3, expecting a(6)ba(7)ba(8)ba(9), got", reorder2_main_log)
			rt.Sleep(0)
			err++
			rt.Sleep(0)
		}
		rt.Sleep(0)
		reorder2_main_log = ""
		rt.Sleep(0)
	}

	rt.Sleep(0)
	c <- 1
	rt.Sleep(0)
	select {
	default:
		rt.Sleep(0)
	case <-c:
		rt.Sleep(0)
		if reorder2_main_a("1")("2")("3"); conformAwait(reorder2_main_log != "a(1)a(2)a(3)") {
			rt.Sleep(0)
			println("in select4, expecting a(1)a(2)a(3) , got ", reorder2_main_log)
			rt.Sleep(0)
			err++
			rt.Sleep(0)
		}
		rt.Sleep(0)
		reorder2_main_log = ""

		rt.Sleep(0)
		if t.a("1").a(t.b("2")); conformAwait(reorder2_main_log != "a(1)b(2)a(2)") {
			rt.Sleep(0)
			println("in select4, expecting a(1)b(2)a(2), got ", reorder2_main_log)
			rt.Sleep(0)
			err++
			rt.Sleep(0)
		}
		rt.Sleep(0)
		reorder2_main_log = ""
		rt.Sleep(0)
		if reorder2_main_a("3")(reorder2_main_b("4"))(reorder2_main_b("5")); conformAwait(reorder2_main_log != "a(3)b(4)a(4)b(5)a(5)") {
			rt.Sleep(0)
			println("in select4, expecting a(3)b(4)a(4)b(5)a(5), got ", reorder2_main_log)
			rt.Sleep(0)
			err++
			rt.Sleep(0)
		}
		rt.Sleep(0)
		reorder2_main_log = ""
		rt.Sleep(0)
		var i reorder2_main_I = reorder2_main_T1(0)
		rt.Sleep(0)
		if i.a("6").a(i.b("7")).a(i.b("8")).a(i.b("9")); conformAwait(reorder2_main_log != "a(6)b(7)a(7)b(8)a(8)b(9)a(9)") {
			rt.Sleep(0)
			println("in select4, expecting a(6)ba(7)ba(8)ba(9), got", reorder2_main_log)
			rt.Sleep(0)
			err++
			rt.Sleep(0)
		}
		rt.Sleep(0)
		reorder2_main_log = ""
		rt.Sleep(0)
	}

	rt.Sleep(0)
	select {
	case <-c:
		rt.Sleep(0)
	case <-c:
		rt.Sleep(0)
	default:
		rt.Sleep(0)
		if reorder2_main_a("1")("2")("3"); conformAwait(reorder2_main_log != "a(1)a(2)a(3)") {
			rt.Sleep(0)
			println("in select5, expecting a(1)a(2)a(3) , got ", reorder2_main_log)
			rt.Sleep(0)
			err++
			rt.Sleep(0)
		}
		rt.Sleep(0)
		reorder2_main_log = ""

		rt.Sleep(0)
		if t.a("1").a(t.b("2")); conformAwait(reorder2_main_log != "a(1)b(2)a(2)") {
			rt.Sleep(0)
			println("in select5, expecting a(1)b(2)a(2), got ", reorder2_main_log)
			rt.Sleep(0)
			err++
			rt.Sleep(0)
		}
		rt.Sleep(0)
		reorder2_main_log = ""
		rt.Sleep(0)
		if reorder2_main_a("3")(reorder2_main_b("4"))(reorder2_main_b("5")); conformAwait(reorder2_main_log != "a(3)b(4)a(4)b(5)a(5)") {
			rt.Sleep(0)
			println("in select5, expecting a(3)b(4)a(4)b(5)a(5), got ", reorder2_main_log)
			rt.Sleep(0)
			err++
			rt.Sleep(0)
		}
		rt.Sleep(0)
		reorder2_main_log = ""
		rt.Sleep(0)
		var i reorder2_main_I = reorder2_main_T1(0)
		rt.Sleep(0)
		if i.a("6").a(i.b("7")).a(i.b("8")).a(i.b("9")); conformAwait(reorder2_main_log != "a(6)b(7)a(7)b(8)a(8)b(9)a(9)") {
			rt.Sleep(0)
			println("in select5, expecting a(6)ba(7)ba(8)ba(9), got", reorder2_main_log)
			rt.Sleep(0)
			err++
			rt.Sleep(0)
		}
		rt.Sleep(0)
		reorder2_main_log = ""
		rt.Sleep(0)
	}

	rt.Sleep(0)
	if conformAwait(err > 0) {
		rt.Sleep(0)
		panic("fail")
	}
}

// async
func reorder2_main__run(t *conformT) {
	rt.Sleep(0)
	reorder2_main_main()
	rt.Sleep(0)
}
