package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/asyncgen/asyncgen/rt"
)

type counter struct{ n int }

// peek has a value receiver: its changes to c are lost.
//
// async
func (c counter) peek(tag string) int {
	tick(0)
	c.n += 100
	logf("peek %s %d", tag, c.n)
	return c.n
}

// async
func (c *counter) add(k int) int {
	c.n += tick(k)
	return c.n
}

type num int

// async
func (n num) double() num {
	rt.Sleep(0)
	return n * 2
}

// Methods with value and pointer receivers, on addressable locals, through
// pointers, on slice elements chosen by an await.
//
// async
func caseMethods() (string, error) {
	var c counter
	c.add(1)
	c.add(tick(2))
	v := c.peek("v")
	p := &c
	p.add(3)
	w := p.peek("w")
	cs := []counter{{}, {}}
	cs[tick(1)].add(5)
	x := num(tick(3)).double()
	y := x.double()
	return fmt.Sprint(c.n, v, w, cs, x, y), nil
}

type wrapped struct {
	counter
	name string
}

// async
func (w *wrapped) rename(s string) {
	w.name = tickS(s)
}

// Promoted async methods of an embedded struct.
//
// async
func caseEmbedded() (string, error) {
	w := wrapped{name: "w"}
	w.add(4)
	w.counter.add(tick(1))
	w.rename("v")
	pw := &wrapped{}
	pw.add(2)
	return fmt.Sprint(w.n, w.name, w.peek("e"), pw.n), nil
}

// async
func sumG[T int | float64](xs ...T) T {
	var s T
	for _, x := range xs {
		rt.Sleep(0)
		s += x
	}
	return s
}

// async
func mapG[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		tick(0)
		out = append(out, f(x))
	}
	return out
}

type stack[T any] struct{ items []T }

// async
func (s *stack[T]) push(v T) {
	tick(len(s.items))
	s.items = append(s.items, v)
}

// async
func (s *stack[T]) pop() (T, error) {
	tick(0)
	if len(s.items) == 0 {
		var z T
		return z, errors.New("empty")
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, nil
}

// async
func firstG[K comparable, V any](m map[K]V, keys ...K) (V, error) {
	for _, k := range keys {
		if v, ok := m[k]; ok {
			tick(0)
			return v, nil
		}
	}
	var zero V
	return zero, fmt.Errorf("none of %v", keys)
}

// Generic functions (inferred and explicit), generic methods.
//
// async
func caseGenerics() (string, error) {
	a := sumG(1, 2, tick(3))
	b := sumG[float64](1.5, 2.5)
	c := mapG([]int{1, 2}, func(x int) string { return fmt.Sprint("<", x, ">") })
	var st stack[string]
	st.push(tickS("x"))
	st.push("y")
	v1, _ := st.pop()
	v2, _ := st.pop()
	_, err := st.pop()
	f, err2 := firstG(map[string]int{"b": 2}, "a", "b")
	g, err3 := firstG[string, int](nil, "q")
	return fmt.Sprint(a, b, c, v1, v2, err, f, err2, g, err3), nil
}

// async
func total(tag string, xs ...int) int {
	s := 0
	for _, x := range xs {
		s += tick(x)
	}
	logf("%s: %d args", tag, len(xs))
	return s
}

// Variadic async functions: no arguments, several, a spread slice.
//
// async
func caseVariadic() (string, error) {
	a := total("none")
	b := total("three", side("x", 1), tick(2), 3)
	xs := []int{4, 5}
	c := total("spread", xs...)
	d := total(tickS("t"), xs...)
	e := total("nil", nil...)
	return fmt.Sprint(a, b, c, d, e), nil
}

// async
func fib(n int) int {
	if n < 2 {
		return tick(n)
	}
	return fib(n-1) + fib(n-2)
}

// async
func isEven(n int) bool {
	if n == 0 {
		return true
	}
	rt.Sleep(0)
	return isOdd(n - 1)
}

// async
func isOdd(n int) bool {
	if n == 0 {
		return false
	}
	return isEven(n - 1)
}

// async
func depth(n int) (int, error) {
	if n == 0 {
		return 0, errors.New("bottom")
	}
	d, err := depth(n - 1)
	return d + 1, err
}

// Direct and mutual recursion.
//
// async
func caseRecursion() (string, error) {
	f := fib(5)
	e, o := isEven(7), isOdd(7)
	d, err := depth(30)
	return fmt.Sprint(f, e, o, d, err), nil
}

// async
func apply(f func(int) int, x int) int {
	y := f(tick(x))
	return f(tick(y))
}

// async
func ignore(_ int, s string, _ ...string) string {
	return tickS(s)
}

// Function-typed parameters, blank parameters.
//
// async
func caseFuncParams() (string, error) {
	calls := 0
	double := func(x int) int { calls++; return x * 2 }
	a := apply(double, 3)
	b := ignore(1, "kept", "dropped")
	c := apply(func(x int) int { return x + calls }, 1)
	return strings.Join([]string{fmt.Sprint(a), b, fmt.Sprint(c, calls)}, " "), nil
}
