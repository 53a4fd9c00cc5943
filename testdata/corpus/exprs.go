package main

import (
	"fmt"
	"strings"
)

// && and || with the await on the right run it only when Go would.
//
// async
func caseAndOr() (string, error) {
	a := sideB("l1", false) && tickB(true)
	b := sideB("l2", true) && tickB(true)
	c := sideB("l3", true) || tickB(false)
	d := sideB("l4", false) || tickB(false)
	e := tickB(false) && sideB("r5", true)
	f := tickB(true) || tickB(true)
	g := (sideB("g1", false) || tickB(true)) && (tickB(false) || sideB("g2", true))
	h := sideB("h1", true) && (sideB("h2", false) || tickB(true)) && tickB(false)
	i := !(sideB("i1", true) && !tickB(false))
	j := sideB("j1", false) || sideB("j2", false) || tickB(true) || tickB(true)
	return fmt.Sprint(a, b, c, d, e, f, g, h, i, j), nil
}

// && and || with awaits in if and for conditions.
//
// async
func caseAndOrConditions() (string, error) {
	n := 0
	for i := 0; i < 5 && tickB(i < 3); i++ {
		n++
	}
	for i := 0; side("c", i) < 2 || tickB(false); i++ {
		n += 10
	}
	x := tick(2)
	if x > 5 && tick(x) > 1 {
		logf("not reached")
	}
	if x > 1 && tick(x) > 1 || side("never", 0) > 0 {
		logf("taken")
	}
	ok := x == 2 && tick(3) == 3
	return fmt.Sprint(n, ok), nil
}

// Call arguments: plain calls with side effects and awaits, left to right.
//
// async
func caseCallArgs() (string, error) {
	r := combine(side("a", 1), tick(2), side("b", 3), tick(4), side("c", 5))
	r2 := combine(tick(tick(1)+tick(2)), side("d", 6))
	r3 := tick(combine(side("e", 7), tick(8)))
	r4 := combine(r3, side("f", 9)) + tick(1)
	r5 := plus(tick(1), side("g", 2)) * tick(3)
	n := strings.Repeat(tickS("ab"), tick(2))
	s := sum2(two())
	s2 := showPair(mayFail(3))
	s3 := showPair(mayFail(-3))
	s4 := plus(sum2(side("h", 1), tick(2)), sum2(tick(3), side("i", 4)))
	return fmt.Sprint(r, r2, r3, r4, r5, n, s, s2, s3, s4), nil
}

// Composite literals: struct (keyed and positional), slice, map, array,
// pointer, nested; elements evaluate left to right.
//
// async
func caseCompositeLit() (string, error) {
	p := pair{A: side("a", 1), B: tick(2)}
	q := pair{tick(3), side("b", 4)}
	r := pair{B: tick(5), A: side("ra", 6)}
	s := []int{side("s0", 0), tick(1), side("s2", 2), tick(3)}
	m := map[string]int{sideS("k1"): tick(1), tickS("k2"): side("v2", 2)}
	arr := [...]int{2: tick(5), 0: side("z", 7)}
	pp := &pair{B: tick(6)}
	nested := []pair{{A: tick(1)}, {B: side("nb", 2)}, {tick(3), tick(4)}}
	ms := map[int][]string{tick(1): {tickS("x"), sideS("y")}}
	return fmt.Sprint(p, q, r, s, m, arr, *pp, nested, ms), nil
}

// Index expressions: awaits in indexes and indexed operands, on both sides
// of assignments.
//
// async
func caseIndex() (string, error) {
	s := []int{10, 20, 30, 40}
	a := s[tick(1)]
	b := s[side("i", 2)] + s[tick(3)]
	m := map[string]int{"x": 1}
	m[sideS("y")] = tick(2)
	c := m[tickS("x")]
	v, ok := m[tickS("z")]
	s[tick(0)] = s[tick(2)] * 2
	grid := [][]int{{1, 2}, {3, 4}}
	d := grid[tick(1)][side("j", 0)]
	var arr [4]int
	arr[side("k", 1)], arr[tick(2)] = tick(7), side("v", 8)
	e := []string{"p", "q"}[tick(1)]
	f := "hello"[tick(1)]
	s[side("l", 3)], _ = mayFail(4)
	return fmt.Sprint(s, a, b, m, c, v, ok, d, arr, e, f), nil
}

// async
func retPair(x int) (int, error) {
	return tick(x) + tick(x+1), nil
}

// async
func retForward(x int) (int, error) {
	return mayFail(x)
}

// async
func retCond(b bool) int {
	if b {
		return tick(1)
	}
	return side("r", 2) + tick(3)
}

// async
func retErr(x int) (string, error) {
	if x > 0 {
		return tickS("pos"), failIf(x > 1)
	}
	return sideS("neg"), nil
}

// Return lists with awaits, tuples forwarded.
//
// async
func caseReturns() (string, error) {
	a, _ := retPair(1)
	b, err := retForward(-1)
	c, _ := retForward(2)
	d := retCond(true)
	e := retCond(false)
	f, err2 := retErr(1)
	g, err3 := retErr(2)
	h, err4 := retErr(0)
	return fmt.Sprint(a, b, err, c, d, e, f, err2, g, err3, h, err4), nil
}

// Awaits nested in awaits' arguments, in binary operators on both sides.
//
// async
func caseNestedAwaits() (string, error) {
	a := tick(tick(1) + tick(2))
	b := tick(tick(tick(3)))
	c := tick(1)*10 + tick(2)*side("m", 3) - tick(4)
	d := sum2(sum2(1, tick(2)), sum2(tick(3), 4))
	e := tick(side("x", 5)) + side("y", 6)
	return fmt.Sprint(a, b, c, d, e), nil
}

// Calls of function literals and function values around awaits.
//
// async
func caseFuncLitCalls() (string, error) {
	f := func(s string) int { logf("f(%s)", s); return len(s) }
	a := f("one") + tick(2) + f("three")
	b := tick(func() int { logf("lit"); return 4 }())
	g := f
	c := combine(g("ab"), tick(3), g("abc"))
	return fmt.Sprint(a, b, c), nil
}
