package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/asyncgen/asyncgen/rt"
)

// Any result list: async functions with several values (their companions
// yield an rt.TupleN, a trailing error being the awaitable's error), named
// results, bare returns, called, returned, deferred and awaited in loops.

func init() {
	cases = append(cases,
		testCase{"results namedBare", caseResultsNamedBare, caseResultsNamedBareAsync},
		testCase{"results twoValues", caseResultsTwoValues, caseResultsTwoValuesAsync},
		testCase{"results returnCall", caseResultsReturnCall, caseResultsReturnCallAsync},
		testCase{"results deferred", caseResultsDeferred, caseResultsDeferredAsync},
		testCase{"results methods", caseResultsMethods, caseResultsMethodsAsync},
		testCase{"results eight", caseResultsEight, caseResultsEightAsync},
		testCase{"results asArgs", caseResultsAsArgs, caseResultsAsArgsAsync},
		testCase{"results explicitAwait", caseResultsExplicitAwait, caseResultsExplicitAwaitAsync},
		testCase{"results errorFirst", caseResultsErrorFirst, caseResultsErrorFirstAsync},
		testCase{"results panics", caseResultsPanics, caseResultsPanicsAsync},
		testCase{"results generic", caseResultsGeneric, caseResultsGenericAsync},
	)
}

// lookup has named results and bare returns.
//
// async
func lookup(key string) (v int, found bool, err error) {
	rt.Sleep(0)
	logf("lookup %s", key)
	switch key {
	case "":
		err = errors.New("empty key")
		return
	case "missing":
		return
	}
	v, found = len(key), true
	tick(v)
	return
}

// split has two unnamed values and no error.
//
// async
func split(s string) (string, string) {
	rt.Sleep(0)
	head, tail, _ := strings.Cut(s, "/")
	logf("split %s", s)
	return head, tail
}

// async
func caseResultsNamedBare() (string, error) {
	var out []string
	for _, k := range []string{"abc", "", "missing", "xy"} {
		v, found, err := lookup(k)
		out = append(out, fmt.Sprint(v, found, err))
		if err != nil {
			continue
		}
		if v, ok, _ := lookup(k + k); ok {
			out = append(out, fmt.Sprint("again ", v))
		}
	}
	return strings.Join(out, "; "), nil
}

// async
func caseResultsTwoValues() (string, error) {
	m := map[string]string{}
	s := make([]string, 3)
	i := 0
	next := func() int { i++; logf("next %d", i); return i }
	m["a"], s[next()] = split("x/y")
	logf("m=%v s=%q", m, s)
	var a, b string
	a, b = split("p/q")
	b, a = split(a + "/" + b)
	_, c := split("only/tail")
	d, _ := split("only/head")
	for k, w := range []string{"1/2", "3/4"} {
		h, t := split(w)
		logf("%d %s %s", k, h, t)
	}
	return a + b + c + d, nil
}

// relay returns a call of a function with the same results.
//
// async
func relay(key string) (int, bool, error) {
	logf("relay %s", key)
	return lookup(key)
}

// async
func relayTwice(key string) (v int, found bool, err error) {
	v, found, err = relay(key)
	if err != nil {
		return 0, false, fmt.Errorf("relayed: %w", err)
	}
	return relay(key + "!")
}

// async
func caseResultsReturnCall() (string, error) {
	v, f, err := relayTwice("ab")
	w, g, err2 := relayTwice("")
	return fmt.Sprint(v, f, err, w, g, err2), nil
}

// counted has a deferred call that changes its named results after the
// return statement set them, and an async deferred call of a tuple function.
//
// async
func counted(n int) (total int, label string, err error) {
	defer func() {
		total *= 10
		label += "+deferred"
		logf("deferred sees %d %s %v", total, label, err)
	}()
	defer split("deferred/call")
	for i := range n {
		total += tick(i)
	}
	if n > 2 {
		return total, "big", errors.New("too big")
	}
	label = "small"
	return
}

// async
func caseResultsDeferred() (string, error) {
	a, b, c := counted(2)
	d, e, f := counted(3)
	return fmt.Sprint(a, b, c, d, e, f), nil
}

type store struct{ items map[string]int }

// async
func (s *store) get(k string) (int, bool, error) {
	rt.Sleep(0)
	if s.items == nil {
		return 0, false, errors.New("no items")
	}
	v, ok := s.items[k]
	logf("get %s", k)
	return v, ok, nil
}

// async
func (s store) size() (n int, empty bool) {
	rt.Sleep(0)
	n = len(s.items)
	empty = n == 0
	return
}

// async
func caseResultsMethods() (string, error) {
	s := &store{items: map[string]int{"a": 1}}
	v, ok, err := s.get("a")
	w, ok2, err2 := s.get("b")
	var none store
	_, _, err3 := none.get("a")
	n, empty := s.size()
	m, empty2 := none.size()
	return fmt.Sprint(v, ok, err, w, ok2, err2, err3, n, empty, m, empty2), nil
}

// eight has the most values a tuple carries, and an error.
//
// async
func eight(x int) (a, b, c, d, e, f, g, h int, err error) {
	rt.Sleep(0)
	a, b, c, d = x, x+1, x+2, x+3
	e, f, g, h = tick(x+4), x+5, x+6, x+7
	if x < 0 {
		err = errors.New("negative")
	}
	return
}

// async
func caseResultsEight() (string, error) {
	a, b, c, d, e, f, g, h, err := eight(1)
	s := fmt.Sprint(a, b, c, d, e, f, g, h, err)
	_, _, _, _, _, _, _, last, err := eight(-10)
	return s + fmt.Sprint(" ", last, err), nil
}

func joinPair(a, b string) string { return "<" + a + "|" + b + ">" }

// async
func caseResultsAsArgs() (string, error) {
	x := joinPair(split("l/r"))
	y := fmt.Sprint(lookup("abcd"))
	z := fmt.Sprint(side("first", 1), tick(2))
	return x + y + z, nil
}

// async
func caseResultsExplicitAwait() (string, error) {
	t, err := rt.Await(lookupAsync("hello"))
	v, found := t.Values()
	u, err2 := rt.Await(splitAsync("a/b"))
	return fmt.Sprint(v, found, err, t.V0, u.V0, u.V1, err2), nil
}

// errFirst puts its error first: not a trailing error, so both results are
// values.
//
// async
func errFirst(fail bool) (error, int) {
	rt.Sleep(0)
	if fail {
		return errors.New("first"), 1
	}
	return nil, 2
}

// async
func caseResultsErrorFirst() (string, error) {
	e1, n1 := errFirst(true)
	e2, n2 := errFirst(false)
	return fmt.Sprint(e1, n1, e2, n2), nil
}

// recovered recovers from a panic and sets its named results in the
// deferred call.
//
// async
func recovered(p bool) (n int, msg string) {
	defer func() {
		if r := recover(); r != nil {
			n, msg = -1, fmt.Sprint("recovered ", r)
		}
	}()
	n = tick(5)
	if p {
		panic("boom")
	}
	return n, "fine"
}

// async
func caseResultsPanics() (string, error) {
	a, b := recovered(false)
	c, d := recovered(true)
	return fmt.Sprint(a, b, c, d), nil
}

// async
func swap[A, B any](a A, b B) (B, A) {
	rt.Sleep(0)
	return b, a
}

// async
func minMax[T int | float64](xs ...T) (lo, hi T, err error) {
	if len(xs) == 0 {
		return lo, hi, errors.New("no values")
	}
	lo, hi = xs[0], xs[0]
	for _, x := range xs {
		rt.Sleep(0)
		lo, hi = min(lo, x), max(hi, x)
	}
	return
}

// async
func caseResultsGeneric() (string, error) {
	s, n := swap(1, "one")
	lo, hi, err := minMax(3, 1, 4, 1, 5)
	flo, fhi, err2 := minMax(2.5, -1.5)
	_, _, err3 := minMax[int]()
	return fmt.Sprint(s, n, lo, hi, err, flo, fhi, err2, err3), nil
}
