package main

import (
	"fmt"
	"strings"
)

// Shadowed variables, each live across awaits.
//
// async
func caseShadow() (string, error) {
	x := tick(1)
	{
		x := tick(x + 10)
		logf("inner x=%d", x)
		x++
		tick(x)
		logf("inner x=%d", x)
	}
	logf("outer x=%d", x)
	if x := tick(x * 100); x > 0 {
		logf("if x=%d", x)
		x := "str"
		tick(len(x))
		logf("if-inner x=%s", x)
	}
	for x := 0; x < 2; x++ {
		tick(x)
	}
	for _, x := range []string{"p", "q"} {
		tickS(x)
	}
	switch x := tickS("sw"); x {
	case "sw":
		logf("switch x=%s", x)
		tick(0)
	}
	return fmt.Sprint(x), nil
}

// async
func shadowParam(n int) int {
	{
		n := tick(n * 2)
		logf("inner n=%d", n)
	}
	n++
	return tick(n)
}

// A shadowed parameter.
//
// async
func caseShadowParam() (string, error) {
	return fmt.Sprint(shadowParam(5)), nil
}

// async
func named(x int) (n int, err error) {
	n = tick(x)
	if x < 0 {
		err = fmt.Errorf("neg %d", x)
		return
	}
	n += tick(1)
	return
}

// async
func namedOverride(x int) (n int, err error) {
	n = tick(x)
	return n * 2, err
}

// async
func namedShadow(x int) (n int, err error) {
	n = 7
	if n := tick(x); n > 0 {
		return n + 1, nil
	}
	return
}

// async
func namedValueOnly() (s string) {
	s = tickS("a")
	s += tickS("b")
	return
}

// async
func namedUnassigned() (n int) {
	tick(1)
	return
}

// Named results: bare returns after awaits, explicit overrides, shadowing.
//
// async
func caseNamedResults() (string, error) {
	a, errA := named(2)
	b, errB := named(-2)
	c, _ := namedOverride(3)
	d, _ := namedShadow(4)
	e, _ := namedShadow(-4)
	f := namedValueOnly()
	g := namedUnassigned()
	return fmt.Sprint(a, errA, b, errB, c, d, e, f, g), nil
}

// Closures (without awaits) that capture variables changed across awaits.
//
// async
func caseClosures() (string, error) {
	n := 0
	inc := func() { n++ }
	inc()
	tick(n)
	inc()
	n += tick(10)
	inc()
	get := func() int { return n }
	logf("get=%d", get())
	n = tick(get() * 2)
	logf("get=%d", get())
	var saved func() string
	s := "before"
	saved = func() string { return s }
	s = tickS("after")
	return fmt.Sprint(n, get(), saved()), nil
}

// async
func bump(p *int) {
	*p += tick(1)
}

// Pointers to locals, to fields and to array elements across awaits.
//
// async
func casePointers() (string, error) {
	x := 1
	p := &x
	tick(0)
	*p = tick(5)
	logf("x=%d", x)
	x = tick(7)
	logf("*p=%d", *p)
	bump(&x)
	bump(p)
	st := pair{1, 2}
	q := &st.B
	*q = tick(20)
	arr := [3]int{}
	r := &arr[tick(1)]
	*r = 9
	sl := arr[:]
	sl[0] = tick(4)
	pp := &p
	**pp = tick(**pp + 1)
	return fmt.Sprint(x, *p, st, arr), nil
}

// Struct and array locals keep value semantics across awaits.
//
// async
func caseValues() (string, error) {
	a := [3]int{1, 2, 3}
	b := a
	a[0] = tick(10)
	st := pair{A: 1}
	st2 := st
	st.A = tick(5)
	st2.B = tick(6)
	var arrOfStructs [2]pair
	arrOfStructs[tick(1)].A = side("f", 3)
	nested := struct {
		P pair
		L []int
	}{P: pair{tick(1), 2}}
	nested.L = append(nested.L, tick(3))
	nested.P.B += tick(4)
	c := nested
	c.P.A = 100
	return fmt.Sprint(a, b, st, st2, arrOfStructs, nested, c.P), nil
}

// Variables declared in a loop body start from their zero value or their
// initializer on every iteration.
//
// async
func caseLoopZeroing() (string, error) {
	var out []string
	for i := range 3 {
		var acc int
		var s []int
		var p *int
		acc += tick(i)
		s = append(s, acc)
		if p == nil {
			out = append(out, fmt.Sprint(acc, s))
		}
		p = &acc
		_ = p
	}
	return strings.Join(out, " "), nil
}

// Go 1.22 loop variables: every iteration has its own i and v, so closures
// made in different iterations see different variables.
//
// async
func caseLoopVarCapture() (string, error) {
	var fs []func() int
	for i := 0; i < 3; i++ {
		tick(i)
		fs = append(fs, func() int { return i })
	}
	for _, v := range []int{10, 20} {
		tick(v)
		fs = append(fs, func() int { return v })
	}
	var ps []*int
	for i := range 2 {
		ps = append(ps, &i)
		tick(i)
	}
	var out []int
	for _, f := range fs {
		out = append(out, f())
	}
	for _, p := range ps {
		out = append(out, *p)
	}
	return fmt.Sprint(out), nil
}

// A variable declared in a loop body is a new variable on every iteration:
// pointers to it and closures over it from different iterations differ.
//
// async
func caseBodyVarCapture() (string, error) {
	var ps []*int
	var fs []func() string
	for i := range 3 {
		x := tick(i * 10)
		ps = append(ps, &x)
		s := fmt.Sprint("s", i)
		fs = append(fs, func() string { return s })
		tick(0)
	}
	var out []string
	for _, p := range ps {
		out = append(out, fmt.Sprint(*p))
	}
	for _, f := range fs {
		out = append(out, f())
	}
	return strings.Join(out, " "), nil
}

// Per-iteration loop variables with changes in the body (seen by that
// iteration's closure), continue (the copy still happens before the post
// statement) and an await between making a closure and changing the variable.
//
// async
func caseLoopVarEdges() (string, error) {
	var fs []func() int
	for i := 0; i < 6; i = tick(i + 1) {
		fs = append(fs, func() int { return i * 100 })
		i++
	}
	var ps []*int
	for i := 0; i < 4; i++ {
		ps = append(ps, &i)
		if tick(i)%2 == 0 {
			continue
		}
		logf("odd %d", i)
	}
	for _, v := range []int{1, 2} {
		f := func() int { return v }
		v = tick(v * 2)
		fs = append(fs, f)
	}
	var out []int
	for _, f := range fs {
		out = append(out, f())
	}
	for _, p := range ps {
		out = append(out, *p)
	}
	return fmt.Sprint(out), nil
}
