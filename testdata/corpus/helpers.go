package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/asyncgen/asyncgen/rt"
)

// trace is what the running case has logged; main resets it per case.
var trace []string

// maxTrace stops a case that runs away (a loop that never ends) quickly and
// the same way in both modes, instead of filling the memory.
const maxTrace = 5000

func logf(format string, args ...any) {
	if len(trace) >= maxTrace {
		panic("corpus: a case logged more than maxTrace lines: runaway loop?")
	}
	trace = append(trace, fmt.Sprintf(format, args...))
}

// Plain helpers with a visible side effect: they log when Go evaluates them.

func side(tag string, v int) int { logf("side %s=%d", tag, v); return v }

func sideB(tag string, v bool) bool { logf("sideB %s=%v", tag, v); return v }

func sideS(s string) string { logf("sideS %s", s); return s }

func combine(xs ...int) int {
	logf("combine%v", xs)
	s := 0
	for _, x := range xs {
		s = s*10 + x
	}
	return s
}

func plus(a, b int) int { logf("plus(%d, %d)", a, b); return a + b }

func two() (int, int) { logf("two"); return 3, 4 }

func showPair(v int, err error) string { return fmt.Sprintf("(%d, %v)", v, err) }

type pair struct{ A, B int }

func (p pair) sum() int { return p.A + p.B }

// Async helpers: each suspends once (rt.Sleep(0) yields one loop turn), so
// every await in a case really suspends.

// async
func tick(x int) int {
	rt.Sleep(0)
	logf("tick %d", x)
	return x
}

// async
func tickB(b bool) bool {
	rt.Sleep(0)
	logf("tickB %v", b)
	return b
}

// async
func tickS(s string) string {
	rt.Sleep(0)
	logf("tickS %s", s)
	return s
}

// async
func tickPair(x int) pair {
	rt.Sleep(0)
	logf("tickPair %d", x)
	return pair{x, x + 1}
}

// async
func tickP(p *int) *int {
	rt.Sleep(0)
	logf("tickP %d", *p)
	return p
}

// async
func anyTick(x int) any {
	rt.Sleep(0)
	logf("anyTick %d", x)
	return x
}

// quiet suspends without logging, for bodies whose order Go leaves open
// (map iteration).
//
// async
func quiet(x int) int {
	rt.Sleep(0)
	return x
}

// async
func mayFail(x int) (int, error) {
	rt.Sleep(0)
	if x < 0 {
		logf("mayFail %d: error", x)
		return 0, fmt.Errorf("negative %d", x)
	}
	logf("mayFail %d", x)
	return x * 10, nil
}

var errFail = errors.New("failed")

// async
func failIf(b bool) error {
	rt.Sleep(0)
	logf("failIf %v", b)
	if b {
		return errFail
	}
	return nil
}

// async
func nothing() {
	rt.Sleep(0)
	logf("nothing")
}

// async
func sum2(a, b int) int {
	rt.Sleep(0)
	logf("sum2(%d, %d)", a, b)
	return a + b
}

// async
func upper(s string) (string, error) {
	rt.Sleep(0)
	return strings.ToUpper(s), nil
}
