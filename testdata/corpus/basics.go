package main

import (
	"fmt"
	"strings"

	"github.com/asyncgen/asyncgen/rt"
)

// Straight-line code: locals live across awaits.
//
// async
func caseStraight() (string, error) {
	a := tick(1)
	b := tick(2)
	logf("a=%d b=%d", a, b)
	c := a + b
	tick(c)
	nothing()
	return fmt.Sprint(a, b, c), nil
}

// Multi-value assignment: every right-hand side is evaluated before any
// variable is assigned.
//
// async
func caseMultiAssign() (string, error) {
	a, b := tick(1), tick(2)
	a, b = b, a
	c, d := side("c", 3), tick(4)
	c, d = tick(d), tick(c)
	a, b = tick(b)+side("x", 10), a
	e := sum2(two())
	return fmt.Sprint(a, b, c, d, e), nil
}

// (V, error) results into new, existing and blank variables.
//
// async
func caseTupleAwait() (string, error) {
	v, err := mayFail(3)
	logf("v=%d err=%v", v, err)
	w, err := mayFail(-1)
	logf("w=%d err=%v", w, err)
	_, err = mayFail(4)
	var x int
	x, err = mayFail(5)
	_, _ = mayFail(6)
	y, _ := mayFail(-7)
	return fmt.Sprint(v, w, x, y, err), nil
}

// error-only results: assigned, in an if init, dropped, returned.
//
// async
func caseErrorShape() (string, error) {
	err := failIf(false)
	logf("first %v", err)
	if err := failIf(true); err != nil {
		logf("second %v", err)
	}
	failIf(true)
	return "", failIf(true)
}

// rt.Await of companions, of a coroutine made earlier (cold until awaited).
//
// async
func caseExplicitAwait() (string, error) {
	v, err := rt.Await(mayFailAsync(2))
	logf("v=%d err=%v", v, err)
	_, err = rt.Await(mayFailAsync(-2))
	logf("err=%v", err)
	t, _ := rt.Await(tickAsync(7))
	aw := tickAsync(side("arg", 8))
	logf("made, not started")
	u, _ := rt.Await(aw)
	_, err = rt.Await(failIfAsync(true))
	s, _ := rt.Await(upperAsync(tickS("abc")))
	return fmt.Sprint(v, t, u, err, s), nil
}

// var declarations: with and without types and values, from a tuple.
//
// async
func caseVarDecl() (string, error) {
	var a = tick(1)
	var b, c int = tick(2), side("c", 3)
	var d int
	var e, err = mayFail(4)
	var f float64 = float64(tick(5)) / 2
	var g, h float64 = 1, float64(tick(6))
	var s []int
	s = append(s, tick(7))
	d = tick(d + 8)
	return fmt.Sprint(a, b, c, d, e, err, f, g, h, s), nil
}

// ++, -- and op= with awaits in the target's index and on the right.
//
// async
func caseIncDecCompound() (string, error) {
	arr := [3]int{}
	arr[tick(0)]++
	arr[tick(1)] += tick(5)
	arr[side("i", 2)] -= tick(3)
	x := 10
	x *= tick(2)
	x--
	m := map[string]int{}
	m[sideS("k")] += tick(4)
	m["k"]++
	n := 1
	*tickP(&n) += 5
	*tickP(&n)++
	return fmt.Sprint(arr, x, m, n), nil
}

// Conversions and unary operators applied to awaited values.
//
// async
func caseConvUnary() (string, error) {
	f := float64(tick(3)) / 2
	n := -tick(4)
	b := !tickB(false)
	r := string(rune(tick(65)))
	u := uint8(tick(44))
	c := ^tick(0)
	return fmt.Sprint(f, n, b, r, u, c), nil
}

// Slice expressions with awaits in the bounds.
//
// async
func caseSliceExpr() (string, error) {
	s := []int{0, 1, 2, 3, 4, 5}
	t := s[tick(1):tick(4)]
	str := "abcdef"
	sub := str[side("lo", 2):tick(5)]
	full := s[tick(1):tick(3):tick(4)]
	head := tickS("hello")[:side("hi", 2)]
	return fmt.Sprint(t, sub, full, len(full), cap(full), head), nil
}

// Type assertions on awaited values, single and comma-ok.
//
// async
func caseTypeAssert() (string, error) {
	v := anyTick(3).(int)
	s, ok := anyTick(4).(string)
	n, ok2 := anyTick(5).(int)
	return fmt.Sprint(v, s, ok, n, ok2), nil
}

// String concatenation: calls run left to right.
//
// async
func caseStrings() (string, error) {
	s := sideS("a") + tickS("b") + sideS("c")
	s += tickS(strings.ToUpper(sideS("d")))
	n := len(tickS("hello"))
	u, _ := upper(s + tickS("e"))
	return fmt.Sprint(s, n, u), nil
}

// Send and receive on a buffered channel (never blocks), constants.
//
// async
func caseStatementKinds() (string, error) {
	ch := make(chan int, 4)
	ch <- tick(1)
	ch <- side("s", 2)
	ch <- 3
	x := <-ch + tick(10)
	y := tick(<-ch)
	const k = 5
	z := tick(k) + <-ch
	_ = tick(6)
	nothing()
	return fmt.Sprint(x, y, z), nil
}

// Field selection and method calls on awaited values.
//
// async
func caseSelectors() (string, error) {
	a := tickPair(3).A
	b := tickPair(5).sum()
	p := tickPair(7)
	p.B = tick(9)
	c := side("c", 1) + tickPair(tick(2)).B
	return fmt.Sprint(a, b, p, c), nil
}

// async
func level3(x int) (int, error) {
	if x > 2 {
		return 0, fmt.Errorf("too big: %d", x)
	}
	return tick(x), nil
}

// async
func level2(x int) (int, error) {
	v, err := level3(x)
	if err != nil {
		return 0, fmt.Errorf("level2: %w", err)
	}
	return v * 2, nil
}

// async
func level1(x int) (int, error) {
	v, err := level2(x)
	return v + 1, err
}

// Errors travel through a chain of awaits.
//
// async
func caseErrorsChain() (string, error) {
	var out []string
	for i := range 4 {
		v, err := level1(i + 1)
		out = append(out, fmt.Sprintf("%d:%d:%v", i, v, err))
	}
	_, err := level1(9)
	return strings.Join(out, " "), err
}

// A few hundred suspensions in one loop.
//
// async
func caseManyIterations() (string, error) {
	s := 0
	for i := range 300 {
		s += quiet(i)
	}
	return fmt.Sprint(s), nil
}
