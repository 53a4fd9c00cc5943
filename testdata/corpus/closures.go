// Async closures: function literals passed to rt.Func, which may hold
// await points. Plain Go calls the literal when rt.Await awaits it; the
// generated code lowers it into a frame that shares the captured variables.

package main

import (
	"errors"
	"fmt"
	"iter"
	"strings"

	"github.com/asyncgen/asyncgen/rt"
)

func init() {
	cases = append(cases,
		testCase{"closureShared", caseClosureShared, caseClosureSharedAsync},
		testCase{"closurePerIteration", caseClosurePerIteration, caseClosurePerIterationAsync},
		testCase{"closureGather", caseClosureGather, caseClosureGatherAsync},
		testCase{"closureNested", caseClosureNested, caseClosureNestedAsync},
		testCase{"closureDefers", caseClosureDefers, caseClosureDefersAsync},
		testCase{"closurePanicOut", caseClosurePanicOut, caseClosurePanicOutAsync},
		testCase{"closureGeneric", caseClosureGeneric, caseClosureGenericAsync},
		testCase{"closureMethods", caseClosureMethods, caseClosureMethodsAsync},
		testCase{"closureDeferred", caseClosureDeferred, caseClosureDeferredAsync},
		testCase{"closureConstructs", caseClosureConstructs, caseClosureConstructsAsync},
		testCase{"closureInLiteral", caseClosureInLiteral, caseClosureInLiteralAsync},
		testCase{"closureErrors", caseClosureErrors, caseClosureErrorsAsync},
		testCase{"localTypesInFrame", caseLocalTypesInFrame, caseLocalTypesInFrameAsync},
	)
}

// The closure and the function change the same variables, each between
// its own awaits; a pointer taken outside sees the closure's writes.
//
// async
func caseClosureShared() (string, error) {
	n, s := 1, "a"
	p := &n
	bump := rt.Func(func() (int, error) {
		n += tick(10)
		s += "b"
		*p *= 2
		n += tick(1)
		return n, nil
	})
	n = tick(5) // before the closure runs
	v, err := rt.Await(bump)
	logf("after: n=%d s=%s v=%d err=%v", n, s, v, err)
	n++
	again, _ := rt.Await(rt.Func(func() (int, error) { return n + tick(0), nil }))
	return fmt.Sprint(n, s, *p, again), nil
}

// Each iteration of a loop holding awaits has its own variables; closures
// made in different iterations capture different ones, and a closure that
// changes its iteration's variable is seen by that iteration only.
//
// async
func caseClosurePerIteration() (string, error) {
	var aws []rt.Awaitable[int]
	var ptrs []*int
	for i := 0; i < 3; i++ {
		x := tick(i) * 10
		ptrs = append(ptrs, &x)
		aws = append(aws, rt.Func(func() (int, error) {
			x += tick(i)
			return x, nil
		}))
	}
	var out []int
	for _, aw := range aws {
		v, _ := rt.Await(aw)
		out = append(out, v)
	}
	for k, s := range []string{"p", "q"} {
		tick(k)
		v, _ := rt.Await(rt.Func(func() (string, error) { return strings.Repeat(s, k+tick(1)), nil }))
		out = append(out, len(v))
	}
	return fmt.Sprint(out, *ptrs[0], *ptrs[1], *ptrs[2]), nil
}

// Closures gathered run as concurrent tasks; each writes its own slot (plain
// Go runs them one after the other, so they log nothing while running).
//
// async
func caseClosureGather() (string, error) {
	slots := make([]string, 3)
	total := 0
	var aws []rt.Awaitable[int]
	for i := range 3 {
		aws = append(aws, rt.Func(func() (int, error) {
			for k := 0; k <= i; k++ {
				quiet(k)
				slots[i] += fmt.Sprint(k)
			}
			total += i
			return i * i, nil
		}))
	}
	vs, err := rt.Await(rt.Gather(aws...))
	logf("gathered %v %v", vs, err)
	rs, err := rt.Await(rt.GatherAll(
		rt.Func(func() (int, error) { quiet(0); return 1, nil }),
		rt.Func(func() (int, error) { quiet(0); return 0, errFail }),
	))
	for _, r := range rs {
		logf("result %d %v", r.Value, r.Err)
	}
	return fmt.Sprint(slots, total, err), nil
}

// A closure inside a closure captures from both enclosing levels.
//
// async
func caseClosureNested() (string, error) {
	outer := 1
	v, err := rt.Await(rt.Func(func() (int, error) {
		mid := tick(2)
		var inner []int
		for j := range 2 {
			w, _ := rt.Await(rt.Func(func() (int, error) {
				outer += tick(j)
				mid *= 10
				return outer + mid, nil
			}))
			inner = append(inner, w)
		}
		logf("inner %v mid=%d", inner, mid)
		return mid + outer, nil
	}))
	return fmt.Sprint(v, err, outer), nil
}

// Defers inside a closure run when it returns and when it panics; recover
// in the closure's own deferred literal stops its panic, and a deferred
// call of an async function is awaited.
//
// async
func caseClosureDefers() (string, error) {
	var order []string
	v, err := rt.Await(rt.Func(func() (r int, err error) {
		defer func() {
			if p := recover(); p != nil {
				order = append(order, fmt.Sprint("recovered ", p))
				r = -1
			}
		}()
		defer nothing()
		for i := range 3 {
			defer func() { order = append(order, fmt.Sprint("defer ", i)) }()
			r += tick(i)
		}
		if r == 3 {
			panic("three")
		}
		return r, nil
	}))
	ok, _ := rt.Await(rt.Func(func() (string, error) {
		defer logf("second closure done")
		return tickS("fine"), nil
	}))
	return fmt.Sprint(v, err, order, ok), nil
}

// A panic in a closure after an await unwinds it (its defers run) and
// then the enclosing function, whose deferred literal recovers it.
//
// async
func caseClosurePanicOut() (res string, err error) {
	defer func() {
		if p := recover(); p != nil {
			res = fmt.Sprint("recovered outside: ", p)
		}
	}()
	_, err = rt.Await(rt.Func(func() (int, error) {
		defer logf("closure defer")
		if tick(4) == 4 {
			panic(errors.New("inside"))
		}
		return 0, nil
	}))
	return "not reached", err
}

// async
func collect[T any](xs []T, f func(T) string) []string {
	var out []string
	for _, x := range xs {
		s, _ := rt.Await(rt.Func(func() (string, error) {
			rt.Sleep(0)
			return f(x), nil
		}))
		out = append(out, s)
	}
	last, _ := rt.Await(rt.Func(func() (T, error) {
		tick(len(xs))
		return xs[len(xs)-1], nil
	}))
	return append(out, fmt.Sprint(last))
}

// A closure in a generic function: its frame takes the type parameters.
//
// async
func caseClosureGeneric() (string, error) {
	a := collect([]int{1, 2}, func(i int) string { return fmt.Sprint(i * 3) })
	b := collect([]string{"x"}, strings.ToUpper)
	return fmt.Sprint(a, b), nil
}

type tally struct{ hits []string }

// async
func (t *tally) record(tag string) int {
	n, _ := rt.Await(rt.Func(func() (int, error) {
		t.hits = append(t.hits, tickS(tag))
		return len(t.hits), nil
	}))
	return n
}

// async
func (t tally) count() int {
	n, _ := rt.Await(rt.Func(func() (int, error) {
		t.hits = append(t.hits, "lost") // a copy: the caller does not see it
		return tick(len(t.hits)), nil
	}))
	return n
}

// Closures in methods capture the receiver: a pointer receiver's changes
// are the caller's, a value receiver's are the copy's.
//
// async
func caseClosureMethods() (string, error) {
	var t tally
	t.record("a")
	n := t.record("b")
	c := t.count()
	return fmt.Sprint(n, c, t.hits), nil
}

// defer rt.Await(rt.Func(...)): an async deferred literal, which sees the
// variables as they are when it runs and may change named results.
//
// async
func caseClosureDeferred() (res string, err error) {
	step := "start"
	defer rt.Await(rt.Func(func() (struct{}, error) {
		tick(9)
		logf("deferred sees %s", step)
		res += " +deferred"
		return struct{}{}, nil
	}))
	step = "middle"
	tick(1)
	step = "end"
	return "body", nil
}

// Every construct inside a closure: switch, labeled loops, goto, select,
// range over a function iterator, named results.
//
// async
func caseClosureConstructs() (string, error) {
	seq := func(yield func(int) bool) {
		for i := range 4 {
			if !yield(i) {
				return
			}
		}
	}
	var it iter.Seq[int] = seq
	ch := make(chan int, 1)
	v, err := rt.Await(rt.Func(func() (out string, err error) {
	rows:
		for i := range 3 {
			for j := range 3 {
				switch tick(i + j) {
				case 1:
					continue rows
				case 4:
					break rows
				}
				out += fmt.Sprint(i, j, " ")
			}
		}
		k := 0
	again:
		k += tick(1)
		if k < 3 {
			goto again
		}
		for x := range it {
			if tick(x) == 2 {
				break
			}
			out += fmt.Sprint("it", x, " ")
		}
		ch <- k
		select {
		case got := <-ch:
			out += fmt.Sprint("sel", tick(got))
		default:
			out += "none"
		}
		return out, nil
	}))
	return fmt.Sprint(v, err), nil
}

// rt.Func inside an ordinary function literal of an async function, and
// rt.Func with a function value (not a literal): plain Go, called when
// awaited.
//
// async
func caseClosureInLiteral() (string, error) {
	base := 7
	mk := func(k int) rt.Awaitable[int] {
		return rt.Func(func() (int, error) { return base + tick(k), nil })
	}
	a, _ := rt.Await(mk(1))
	base = 100
	b, _ := rt.Await(mk(2))
	plainFn := func() (int, error) { logf("plain function value"); return base, nil }
	c, _ := rt.Await(rt.Func(plainFn))
	return fmt.Sprint(a, b, c), nil
}

// Errors from a closure come back from rt.Await; a closure that returns
// early from a loop stops awaiting.
//
// async
func caseClosureErrors() (string, error) {
	find := func(want int) rt.Awaitable[string] {
		return rt.Func(func() (string, error) {
			for i := range 5 {
				v, err := mayFail(i - 1)
				if err != nil {
					continue
				}
				if v == want {
					return fmt.Sprint("found at ", i), nil
				}
			}
			return "", fmt.Errorf("no %d", want)
		})
	}
	a, errA := rt.Await(find(20))
	b, errB := rt.Await(find(7))
	return fmt.Sprint(a, errA, "|", b, errB), nil
}

// Local types whose variables live across await points: the frame needs
// them, so they move to package level (with the function's type
// parameters in a generic function); closures use them too.
//
// async
func caseLocalTypesInFrame() (string, error) {
	type point struct{ X, Y int }
	type path []point
	type named = map[string]point
	var p path
	m := named{}
	for i := range 2 {
		pt := point{tick(i), i * 2}
		p = append(p, pt)
		m[fmt.Sprint(i)] = pt
	}
	tick(9)
	far, _ := rt.Await(rt.Func(func() (point, error) {
		best := p[0]
		for _, q := range p {
			if q.X+q.Y > tick(best.X+best.Y) {
				best = q
			}
		}
		return best, nil
	}))
	g := boxAll([]string{"a", "b"})
	// Named like a closure's frame suffix (ag_caseLocalTypesInFrame_func1).
	type func1 struct{ n int }
	f1 := func1{tick(3)}
	f1b, _ := rt.Await(rt.Func(func() (func1, error) { return func1{f1.n + tick(1)}, nil }))
	return fmt.Sprint(p, far, len(m), m["1"], g, f1, f1b), nil
}

// async
func boxAll[T any](xs []T) string {
	type box struct {
		v   T
		tag int
	}
	var bs []box
	for i, x := range xs {
		bs = append(bs, box{x, tick(i)})
	}
	last, _ := rt.Await(rt.Func(func() (box, error) {
		type wrapped struct{ b box }
		w := wrapped{bs[len(bs)-1]}
		tick(0)
		return w.b, nil
	}))
	return fmt.Sprint(bs, last)
}
