// Embedded frames (transform/doc.go, "Embedded frames"): a direct await of
// an async function of this package runs the callee's frame from a field
// of the caller's, reused by every await of that callee. These cases use
// the field again after a use that panicked and was recovered, after a
// goto back, from a loop with deferred calls, through methods and
// rt.Await of a companion, and check the callees that must not be
// embedded (a frame whose variable's address escapes, a parameter a
// returned closure captures, mutual recursion) still give every call its
// own frame.

package main

import (
	"fmt"

	"github.com/asyncgen/asyncgen/rt"
)

func init() {
	cases = append(cases,
		testCase{"embedded frame reused after a recovered panic", caseEmbedAfterPanic, caseEmbedAfterPanicAsync},
		testCase{"embedded frame reused after goto", caseEmbedGoto, caseEmbedGotoAsync},
		testCase{"embedded frames of methods and rt.Await", caseEmbedMethods, caseEmbedMethodsAsync},
		testCase{"callees that keep their frames", caseEmbedEscapes, caseEmbedEscapesAsync},
		testCase{"mutually recursive callees", caseEmbedMutual, caseEmbedMutualAsync},
	)
}

// boom panics after suspending when x is odd, with a deferred log.
//
// async
func boom(x int) int {
	defer logf("boom %d deferred", x)
	tick(x)
	if x%2 == 1 {
		panic(fmt.Sprintf("boom %d", x))
	}
	return x * 2
}

// shield awaits boom and recovers its panic.
//
// async
func shield(x int) (res int) {
	defer func() {
		if r := recover(); r != nil {
			logf("shield %d recovered %v", x, r)
			res = -1
		}
	}()
	return boom(x) + 1
}

// async
func caseEmbedAfterPanic() (string, error) {
	out := ""
	for i := 0; i < 5; i++ {
		defer logf("loop defer %d", i)
		out += fmt.Sprintf("%d;", shield(i))
	}
	return out, nil
}

// async
func caseEmbedGoto() (string, error) {
	i, out := 0, ""
again:
	v, err := mayFail(i - 1)
	out += fmt.Sprintf("%d/%v;", v, err)
	i++
	if i < 4 {
		goto again
	}
	return out, nil
}

type embTally struct{ n int }

// async
func (c *embTally) add(d int) int {
	tick(d)
	c.n += d
	return c.n
}

// async
func (c embTally) peek() (int, string, error) {
	tick(c.n)
	return c.n, fmt.Sprint("peek ", c.n), nil
}

// async
func caseEmbedMethods() (string, error) {
	var c embTally
	out := ""
	for i := 1; i <= 3; i++ {
		out += fmt.Sprintf("%d,", c.add(side("d", i)))
		n, s, err := c.peek()
		out += fmt.Sprintf("%d %s %v;", n, s, err)
		v, err := rt.Await(sum2Async(side("a", i), tick(i)))
		out += fmt.Sprintf("%d %v;", v, err)
	}
	return out, nil
}

// cell returns the address of its local, which outlives the call.
//
// async
func cell(x int) *int {
	v := x
	tick(x)
	return &v
}

// adder returns a closure over its parameter.
//
// async
func adder(n int) func() int {
	tick(n)
	return func() int { n++; return n }
}

// async
func caseEmbedEscapes() (string, error) {
	var ps []*int
	var fs []func() int
	for i := 0; i < 3; i++ {
		ps = append(ps, cell(i))
		fs = append(fs, adder(i*10))
	}
	out := ""
	for i := range ps {
		*ps[i] += 100
		out += fmt.Sprintf("%d %d %d;", *ps[i], fs[i](), fs[i]())
	}
	return out, nil
}

// async
func evenE(n int) bool {
	if n == 0 {
		return true
	}
	tick(n)
	return oddE(n - 1)
}

// async
func oddE(n int) bool {
	if n == 0 {
		return false
	}
	return evenE(n - 1)
}

// async
func caseEmbedMutual() (string, error) {
	return fmt.Sprint(evenE(4), oddE(3), evenE(3)), nil
}
