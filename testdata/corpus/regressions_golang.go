package main

import (
	"fmt"
	"strings"

	"github.com/asyncgen/asyncgen/rt"
)

// Regressions found by running the Go toolchain's own tests through the
// generator (issue 10): each case failed to compile after generation.

func init() {
	cases = append(cases,
		testCase{"regression localConsts", caseLocalConsts, caseLocalConstsAsync},
		testCase{"regression constsInClosure", caseConstsInClosure, caseConstsInClosureAsync},
		testCase{"regression namedYield", caseNamedYield, caseNamedYieldAsync},
		testCase{"regression tagless interface case", caseTaglessInterface, caseTaglessInterfaceAsync},
		testCase{"regression generic local types", caseGenericLocalTypes, caseGenericLocalTypesAsync},
		testCase{"regression generic local types in generic", caseGenericLocalInGeneric, caseGenericLocalInGenericAsync},
		testCase{"regression range over type parameters", caseRangeTypeParams, caseRangeTypeParamsAsync},
		testCase{"regression blank receiver type parameters", caseBlankRecvParams, caseBlankRecvParamsAsync},
		testCase{"regression marker beside directives", caseMarkerDirectives, caseMarkerDirectivesAsync},
	)
}

const limit = 100

// Class 5: sibling blocks each declare const limit, one shadows the
// package-level limit, and the code after the blocks sees the package's
// again ("limit redeclared in this block").
//
// async
func caseLocalConsts() (string, error) {
	out := fmt.Sprint(limit)
	const unit = "s"
	{
		const limit = 3
		tick(limit)
		out += fmt.Sprint(" ", limit)
	}
	{
		const limit, unit = 4, "ms"
		tick(limit)
		var arr [limit]int
		out += fmt.Sprint(" ", limit, unit, len(arr))
	}
	for i := 0; i < 2; i++ {
		const limit = "loop"
		tick(i)
		const (
			a = iota * 10
			b
			c
		)
		out += fmt.Sprint(" ", limit, a, b, c)
	}
	if n := tick(1); n > 0 {
		const limit = 2.5
		const r = 'x'
		var f float64 = limit * 2
		out += fmt.Sprint(" ", f, string(r))
	}
	return out + fmt.Sprint(" ", limit, unit), nil
}

type level int

// Constants of the function used inside an async closure, whose frame is
// declared outside the function.
//
// async
func caseConstsInClosure() (string, error) {
	const base = 10
	const third = 1.0 / 3
	const neg = -7
	const name = "n"
	const lv level = 2
	const r = 'é'
	v, err := rt.Await(rt.Func(func() (string, error) {
		tick(base)
		const own = 1
		var f float64 = third * 3
		return fmt.Sprint(base+own, f, 5-neg, name, lv, string(r), fmt.Sprintf("%T", lv)), nil
	}))
	return v, err
}

type yieldInt func(int) bool

func countTo(n int) func(yieldInt) {
	return func(y yieldInt) {
		for i := range n {
			if !y(i) {
				return
			}
		}
	}
}

type yieldKV func(string, int) bool

type kvPairs []string

func (p kvPairs) all(y yieldKV) {
	for i, s := range p {
		if !y(s, i) {
			return
		}
	}
}

type seqKV func(yieldKV)

// Class 7: iterators whose yield parameter has a named function type
// ("cannot convert seq ... to type iter.Seq[int]").
//
// async
func caseNamedYield() (string, error) {
	var out []string
	for v := range countTo(4) {
		if v == 3 {
			break
		}
		out = append(out, fmt.Sprint(tick(v)))
	}
	p := kvPairs{"a", "b", "c"}
	for k, i := range p.all {
		tick(i)
		out = append(out, k)
	}
	var s seqKV = p.all
	for k := range s {
		tickS(k)
		out = append(out, strings.ToUpper(k))
	}
	return strings.Join(out, ","), nil
}

type boolFlag bool

// Class 9: a tagless switch compares each case with the bool true, so an
// interface-typed case matches only a dynamic bool true ("non-boolean
// condition in if statement").
//
// async
func caseTaglessInterface() (string, error) {
	out := ""
	for _, v := range []any{true, false, 1, "true", nil, boolFlag(true)} {
		switch i := v; {
		case i:
			tick(1)
			out += "T"
		default:
			tick(0)
			out += "F"
		}
	}
	var e interface{} = true
	switch {
	case false:
	case e:
		tick(2)
		out += "e"
	}
	return out, nil
}

// Class 10: generic types declared inside an async function keep their
// type parameters ("undefined: X").
//
// async
func caseGenericLocalTypes() (string, error) {
	type pair[X any] struct{ a, b X }
	type list[T any] []T
	p := pair[int]{tick(1), 2}
	q := pair[string]{"x", tickS("y")}
	l := list[pair[int]]{p, {3, 4}}
	type opt[T any] struct {
		v  T
		ok bool
	}
	o := opt[float64]{1.5, true}
	if o.ok {
		type wrap[W any] []W
		w := wrap[opt[float64]]{o}
		logf("wrap %v", w)
	}
	tick(5)
	return fmt.Sprint(p.a+p.b, q, len(l), l[1], o), nil
}

// async
func boxed[T any](v T) string {
	type box[U any] struct {
		t T
		u U
	}
	b := box[int]{v, tick(3)}
	c := box[string]{v, "s"}
	return fmt.Sprintf("%v %v %v %v", b.t, b.u, c.t, c.u)
}

// async
func caseGenericLocalInGeneric() (string, error) {
	return boxed("v") + " " + boxed(1.5), nil
}

type sliceOf[E any] interface{ ~[]E }

type textual interface{ ~string }

type mapOf[K comparable, V any] interface{ ~map[K]V }

type names []string

type label string

// Range over a value of type parameter type, which ranges over its core type
// ("range over S with an await point inside is not supported yet").
//
// async
func doubled[S sliceOf[E], E ~int](s S) S {
	r := make(S, len(s))
	for i, v := range s {
		tick(i)
		r[i] = v + v
	}
	return r
}

// async
func runes[T textual](t T) string {
	out := ""
	for i, r := range t {
		tick(i)
		out += fmt.Sprintf("%d:%c ", i, r)
	}
	return out
}

// async
func mapTotal[M mapOf[K, int], K comparable](m M) int {
	n := 0
	for _, v := range m {
		tick(0) // not v: the map's order must not show
		n += v
	}
	return n
}

// async
func caseRangeTypeParams() (string, error) {
	var d []int = doubled([]int{1, 2, 3})
	return fmt.Sprint(d, " ", runes("héllo"), runes(label("ab")), " ", mapTotal(map[string]int{"a": 1, "b": 2})), nil
}

type twoOf[A, B any] struct {
	a A
	b B
}

// A method whose receiver leaves its type parameters blank: generated code
// must name them ("cannot use _ as value or type").
//
// async
func (p *twoOf[_, _]) String() string {
	tick(1)
	return fmt.Sprintf("%v/%v", p.a, p.b)
}

// async
func caseBlankRecvParams() (string, error) {
	p := &twoOf[string, int]{"x", 2}
	return p.String() + " " + fmt.Sprint(p), nil
}

// gofmt moves a doc comment's directives after its text, so the marker is no
// longer the last line; the function is async all the same.
//
// async
//
//go:noinline
func directed(x int) int {
	return tick(x) * 2
}

// async
//
//go:noinline
func directed2(x int) int {
	return tick(x) + 1
}

// async
func caseMarkerDirectives() (string, error) {
	return fmt.Sprint(directed(3), directed2(4)), nil
}
