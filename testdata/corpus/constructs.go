// Type switches, selects, goto, range over channels and function
// iterators, and local types, each holding await points.

package main

import (
	"errors"
	"fmt"
	"iter"
	"strings"
)

func init() {
	cases = append(cases,
		testCase{"typeSwitchBind", caseTypeSwitchBind, caseTypeSwitchBindAsync},
		testCase{"typeSwitchNoBind", caseTypeSwitchNoBind, caseTypeSwitchNoBindAsync},
		testCase{"typeSwitchCapture", caseTypeSwitchCapture, caseTypeSwitchCaptureAsync},
		testCase{"typeSwitchGeneric", caseTypeSwitchGeneric, caseTypeSwitchGenericAsync},
		testCase{"selectRecv", caseSelectRecv, caseSelectRecvAsync},
		testCase{"selectSendOrder", caseSelectSendOrder, caseSelectSendOrderAsync},
		testCase{"selectLabeled", caseSelectLabeled, caseSelectLabeledAsync},
		testCase{"gotoBackward", caseGotoBackward, caseGotoBackwardAsync},
		testCase{"gotoForward", caseGotoForward, caseGotoForwardAsync},
		testCase{"gotoOutOfLoop", caseGotoOutOfLoop, caseGotoOutOfLoopAsync},
		testCase{"rangeChan", caseRangeChan, caseRangeChanAsync},
		testCase{"rangeFuncSeq", caseRangeFuncSeq, caseRangeFuncSeqAsync},
		testCase{"rangeFuncNested", caseRangeFuncNested, caseRangeFuncNestedAsync},
		testCase{"rangeFuncNoArgs", caseRangeFuncNoArgs, caseRangeFuncNoArgsAsync},
		testCase{"rangeFuncPanic", caseRangeFuncPanic, caseRangeFuncPanicAsync},
		testCase{"rangeFuncPanicUnwinds", caseRangeFuncPanicUnwinds, caseRangeFuncPanicUnwindsAsync},
		testCase{"rangeFuncPanicNested", caseRangeFuncPanicNested, caseRangeFuncPanicNestedAsync},
		testCase{"rangeFuncPanicReplaced", caseRangeFuncPanicReplaced, caseRangeFuncPanicReplacedAsync},
		testCase{"rangeFuncPanicRecovered", caseRangeFuncPanicRecovered, caseRangeFuncPanicRecoveredAsync},
		testCase{"rangeFuncGoto", caseRangeFuncGoto, caseRangeFuncGotoAsync},
		testCase{"rangeFuncPlainExits", caseRangeFuncPlainExits, caseRangeFuncPlainExitsAsync},
		testCase{"rangeFuncDeferCapture", caseRangeFuncDeferCapture, caseRangeFuncDeferCaptureAsync},
		testCase{"localTypes", caseLocalTypes, caseLocalTypesAsync},
	)
}

// A type switch with a binding: the operand awaited and evaluated once,
// several types per case (v has the interface type), nil, default, an init
// statement, break out of a clause.
//
// async
func caseTypeSwitchBind() (string, error) {
	var out []string
	inputs := []any{1, "two", errors.New("three"), nil, 4.5, []int{}, []int{6}}
	for i := range inputs {
		switch k := tick(i); v := anyTickOf(inputs[k]).(type) {
		case int:
			out = append(out, fmt.Sprint("int", v+tick(10)))
		case string, error:
			tick(k)
			out = append(out, fmt.Sprintf("%T:%v", v, v))
		case nil:
			out = append(out, fmt.Sprint("nil", v == nil))
		case []int:
			if len(v) == 0 {
				out = append(out, "empty")
				break
			}
			out = append(out, fmt.Sprint("slice", v[0]*tick(2)))
		default:
			out = append(out, fmt.Sprintf("other %v", v))
		}
	}
	return strings.Join(out, ","), nil
}

// async
func anyTickOf(x any) any {
	tick(0)
	return x
}

// A type switch without a binding, continue to the loop from a clause.
//
// async
func caseTypeSwitchNoBind() (string, error) {
	n := 0
	for _, x := range []any{true, 2, "s", 3, false} {
		switch x.(type) {
		case bool:
			if !x.(bool) {
				continue
			}
			n += tick(100)
		case int, int64:
			n += tick(x.(int))
		}
		logf("n=%d", n)
	}
	return fmt.Sprint(n), nil
}

// Each clause's v is a new variable per execution: closures keep theirs.
//
// async
func caseTypeSwitchCapture() (string, error) {
	var fs []func() string
	for _, x := range []any{1, "a", 2} {
		switch v := x.(type) {
		case int:
			tick(v)
			fs = append(fs, func() string { return fmt.Sprint(v * 10) })
		default:
			fs = append(fs, func() string { return fmt.Sprint(v, "!") })
			tick(0)
		}
	}
	var out []string
	for _, f := range fs {
		out = append(out, f())
	}
	return strings.Join(out, ","), nil
}

// async
func switchOn[T any](x any) string {
	switch v := x.(type) {
	case T:
		tick(1)
		return fmt.Sprintf("T=%v", v)
	case []T:
		return fmt.Sprint("[]T of ", len(v), tick(len(v)))
	}
	return "neither"
}

// A type switch on a type parameter's cases in a generic function.
//
// async
func caseTypeSwitchGeneric() (string, error) {
	return switchOn[int](3) + " " + switchOn[string]([]string{"a", "b"}) + " " + switchOn[bool](1), nil
}

// A select whose bodies await: receive with v, ok (the channel closes),
// break out of the select, default. Only one case is ready at a time.
//
// async
func caseSelectRecv() (string, error) {
	ch := make(chan int, 4)
	ch <- 1
	ch <- -2
	ch <- 3
	close(ch)
	sum := 0
	for turn := 0; turn < 10; turn++ {
		var c chan int
		if turn%2 == 0 {
			c = ch
		}
		select {
		case v, ok := <-c:
			if !ok {
				logf("closed at turn %d", turn)
				return fmt.Sprint(sum), nil
			}
			if v < 0 {
				break
			}
			sum += tick(v)
		default:
			logf("idle %d", tick(turn))
		}
	}
	return "not closed", nil
}

// Select operands are evaluated once, in source order, with an await among
// them; a send case fires; its body awaits.
//
// async
func caseSelectSendOrder() (string, error) {
	out := make(chan int, 1)
	var never chan int
	var got []int
	for i := 0; i < 2; i++ {
		select {
		case v := <-chanOf(side("recv chan", i), never):
			got = append(got, v)
		case chanOf(side("send chan", i), out) <- side("a", 1) + tick(i*10):
			logf("sent %d", tick(i))
		}
		got = append(got, <-out)
	}
	return fmt.Sprint(got), nil
}

func chanOf(_ int, c chan int) chan int { return c }

// A labeled break and continue from inside select bodies.
//
// async
func caseSelectLabeled() (string, error) {
	ready := make(chan int, 10)
	for i := 0; i < 10; i++ {
		ready <- i
	}
	n := 0
loop:
	for {
		select {
		case v := <-ready:
			if v%2 == 1 {
				continue loop
			}
			if v > 6 {
				break loop
			}
			n += tick(v)
		}
	}
	return fmt.Sprint(n, len(ready)), nil
}

// A backward goto that loops over an await; the declaration after the
// label is new on every pass, so each closure keeps its own x.
//
// async
func caseGotoBackward() (string, error) {
	i := 0
	var fs []func() int
again:
	x := tick(i)
	fs = append(fs, func() int { return x })
	if i++; i < 3 {
		goto again
	}
	var out []int
	for _, f := range fs {
		out = append(out, f())
	}
	return fmt.Sprint(out), nil
}

// Forward gotos over flattened code, from the flattened level and from
// inside ordinary statements.
//
// async
func caseGotoForward() (string, error) {
	var out []string
	for _, n := range []int{0, 1, 2} {
		if n == 0 {
			goto zero
		}
		for j := 0; j < 5; j++ {
			if j == n {
				goto found // from an ordinary loop to a flattened label
			}
		}
		out = append(out, "unreachable")
	found:
		out = append(out, fmt.Sprint("found", tick(n)))
		continue
	zero:
		out = append(out, fmt.Sprint("zero", tick(0)))
	}
	return strings.Join(out, ","), nil
}

// A goto out of a flattened loop, and a goto back into the function's top
// level after the loop.
//
// async
func caseGotoOutOfLoop() (string, error) {
	tries := 0
retry:
	tries++
	for i := 0; i < 5; i++ {
		if tick(i) == tries {
			goto next
		}
	}
next:
	if tries < 3 {
		goto retry
	}
	return fmt.Sprint(tries), nil
}

// Range over a channel with an await in the body; the receive stays a
// plain (here never blocking) receive; break leaves early.
//
// async
func caseRangeChan() (string, error) {
	ch := make(chan string, 5)
	for _, s := range []string{"a", "b", "stop", "c"} {
		ch <- s
	}
	close(ch)
	var out []string
	for s := range ch {
		if s == "stop" {
			break
		}
		out = append(out, tickS(s))
	}
	n := 0
	for range ch {
		n += tick(1)
	}
	return fmt.Sprint(out, n), nil
}

// numbers yields 1..n and logs when it is stopped or done.
func numbers(name string, n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		defer logf("%s done", name)
		for i := 1; i <= n; i++ {
			if !yield(i) {
				logf("%s stopped at %d", name, i)
				return
			}
		}
	}
}

func letters(yield func(int, string) bool) {
	defer logf("letters done")
	for i, s := range []string{"x", "y", "z"} {
		if !yield(i, s) {
			return
		}
	}
}

// Range over iter.Seq and iter.Seq2 with awaits, continue and break.
//
// async
func caseRangeFuncSeq() (string, error) {
	sum := 0
	for v := range numbers("seq", 6) {
		if v == 2 {
			continue
		}
		if v == 5 {
			break
		}
		sum += tick(v)
	}
	var out []string
	for i, s := range letters {
		out = append(out, fmt.Sprint(tick(i), s))
	}
	for i := range letters {
		tick(i)
	}
	return fmt.Sprint(sum, out), nil
}

// Nested iterators: continue and break of the outer loop and a return from
// the inner one stop every iterator they leave, innermost first.
//
// async
func caseRangeFuncNested() (string, error) {
	var out []string
outer:
	for i := range numbers("outer", 4) {
		for j := range numbers("inner", 3) {
			if j == 2 && i == 1 {
				continue outer
			}
			if i == 3 {
				break outer
			}
			out = append(out, fmt.Sprint(i, tick(j)))
		}
	}
	r, err := findPair(5)
	return fmt.Sprint(out, r, err), nil
}

// async
func findPair(want int) (string, error) {
	for i := range numbers("rows", 3) {
		for j := range numbers("cols", 3) {
			if tick(i+j) == want {
				return fmt.Sprint(i, "+", j), nil
			}
		}
	}
	return "", errors.New("none")
}

func times(n int) func(func() bool) {
	return func(yield func() bool) {
		for i := 0; i < n; i++ {
			if !yield() {
				logf("times stopped")
				return
			}
		}
	}
}

// A func(yield func() bool) iterator: no loop variables.
//
// async
func caseRangeFuncNoArgs() (string, error) {
	n := 0
	for range times(3) {
		n += tick(1)
	}
	for range times(5) {
		if tick(n) > 4 {
			break
		}
		n++
	}
	return fmt.Sprint(n), nil
}

// upTo yields 1..n; its deferred call logs when it ends.
func upTo(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		defer logf("upTo done")
		for i := 1; i <= n && yield(i); i++ {
		}
	}
}

// A panic in the body after an await unwinds the iterator (its deferred
// call runs) before the function's deferred calls; recover in a deferred
// literal sees it.
//
// async
func caseRangeFuncPanic() (res string, err error) {
	defer func() {
		if r := recover(); r != nil {
			logf("recovered %v", r)
			res = "recovered"
		}
	}()
	defer logf("deferred before the loop")
	for v := range upTo(5) {
		tick(v)
		if v == 2 {
			panic(fmt.Sprint("boom at ", v))
		}
	}
	return "no panic", nil
}

// A goto out of an iterator's body stops it.
//
// async
func caseRangeFuncGoto() (string, error) {
	n := 0
	for v := range numbers("goto", 10) {
		n += tick(v)
		if n > 5 {
			goto done
		}
	}
	logf("not reached")
done:
	return fmt.Sprint(n), nil
}

// Returns, breaks and continues in ordinary statements (no await) of an
// iterator's body still stop it.
//
// async
func caseRangeFuncPlainExits() (string, error) {
	n := 0
	for v := range numbers("plain", 6) {
		tick(v)
		if v%2 == 0 {
			continue
		}
		for k := 0; k < 3; k++ {
			if k == 1 {
				break
			}
			n += v
		}
		switch {
		case v == 5:
			return fmt.Sprint("returned ", n), nil
		}
	}
	return "end", nil
}

// A defer inside an iterator's body belongs to the function; a closure
// captures each iteration's variable.
//
// async
func caseRangeFuncDeferCapture() (string, error) {
	var fs []func() int
	for k, s := range letters {
		defer logf("deferred %d %s", k, s)
		tick(k)
		fs = append(fs, func() int { return k * 10 })
	}
	var out []int
	for _, f := range fs {
		out = append(out, f())
	}
	return fmt.Sprint(out), nil
}

// Local types used by Resume's locals: an array over a local const, an
// alias, a struct shadowing the package's counter, two types of one name.
//
// async
func caseLocalTypes() (string, error) {
	const n = 2
	type grid [n]int
	type names = []string
	type counter struct{ hits int }
	var out names
	for i := range tick(2) {
		type counter struct{ label string }
		c := counter{fmt.Sprint("c", tick(i))}
		out = append(out, c.label)
	}
	k := tick(3)
	var g grid
	g[1] = k
	c := counter{k}
	return fmt.Sprint(out, g, c), nil
}

// careful yields 1..n; code after its yield and its deferred call log, and
// its deferred call sees the panic that passes through it.
func careful(name string, n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		defer func() {
			p := recover()
			logf("%s deferred, panic %v", name, p)
			if p != nil {
				panic(p)
			}
		}()
		for i := 1; i <= n; i++ {
			ok := yield(i)
			logf("%s after yield %d: %v", name, i, ok)
			if !ok {
				return
			}
		}
	}
}

// async
func unwindsOnce(at int) (res string) {
	defer func() {
		if p := recover(); p != nil {
			res = fmt.Sprint("recovered ", p)
		}
	}()
	for v := range careful("once", 4) {
		tick(v)
		if v == at {
			panic(fmt.Sprint("body panic at ", v))
		}
	}
	return "done"
}

// A panic in the body unwinds the iterator: the code after its yield does
// not run, its deferred call sees the panic, and the function's deferred
// literal recovers it afterwards. A break still makes yield return false.
//
// async
func caseRangeFuncPanicUnwinds() (string, error) {
	a := unwindsOnce(2)
	b := unwindsOnce(9)
	n := 0
	for v := range careful("brk", 5) {
		n += tick(v)
		if v == 2 {
			break
		}
	}
	return fmt.Sprint(a, " | ", b, " | ", n), nil
}

// async
func nestedPanic() (res string) {
	defer func() { res = fmt.Sprint("recovered ", recover()) }()
	defer logf("function deferred")
	for i := range careful("outer", 3) {
		for j := range careful("inner", 3) {
			if tick(i*10+j) == 22 {
				panic("at 22")
			}
		}
	}
	return "done"
}

// Nested iterators unwind innermost first.
//
// async
func caseRangeFuncPanicNested() (string, error) {
	return nestedPanic(), nil
}

func replacing(yield func(int) bool) {
	defer func() {
		if p := recover(); p != nil {
			panic(fmt.Sprint("replaced ", p))
		}
	}()
	for i := 0; yield(i); i++ {
	}
}

// async
func replacedPanic() (res string) {
	defer func() { res = fmt.Sprint(recover()) }()
	for v := range replacing {
		if tick(v) == 1 {
			panic("original")
		}
	}
	return "done"
}

// An iterator that panics anew while unwinding replaces the panic.
//
// async
func caseRangeFuncPanicReplaced() (string, error) {
	return replacedPanic(), nil
}

func swallowing(yield func(int) bool) {
	defer func() { logf("swallowed %v", recover()) }()
	for i := 0; yield(i); i++ {
	}
}

// async
func recoveredPanic() (res string) {
	defer func() { res = fmt.Sprint(recover()) }()
	for v := range swallowing {
		if tick(v) == 1 {
			panic("body")
		}
	}
	return "done"
}

// An iterator that recovers the body's panic and returns is Go's runtime
// error.
//
// async
func caseRangeFuncPanicRecovered() (string, error) {
	return recoveredPanic(), nil
}
