// Regression cases: each once made the generated file fail to compile.

package main

import "fmt"

func init() {
	cases = append(cases,
		testCase{"regression rangeStringKeyOnly", bugRangeStringKeyOnly, bugRangeStringKeyOnlyAsync},
		testCase{"regression rangeMapKeyOnly", bugRangeMapKeyOnly, bugRangeMapKeyOnlyAsync},
		testCase{"regression namedResultUnused", bugNamedResultUnused, bugNamedResultUnusedAsync},
		testCase{"regression returnNamedByName", bugReturnNamedByName, bugReturnNamedByNameAsync},
		testCase{"regression readOnlyWhenUnreachable", bugReadOnlyWhenUnreachable, bugReadOnlyWhenUnreachableAsync},
	)
}

// Fixed: the lowered range over a string decodes every rune into
// a temporary; without a value variable nothing reads it and the generated
// file does not compile ("declared and not used: ag_tN").
//
// async
func bugRangeStringKeyOnly() (string, error) {
	n := 0
	for range "a€b" {
		n += tick(1)
	}
	for i := range "xy" {
		tick(i)
	}
	return "", nil
}

// Fixed: the lowered range over a map reads each value into a
// temporary (v, ok = m[k]); without a value variable nothing reads it:
// "declared and not used: ag_tN".
//
// async
func bugRangeMapKeyOnly() (string, error) {
	n := 0
	for k := range map[int]bool{1: true, 2: true} {
		n += quiet(k)
	}
	for range map[int]bool{1: true} {
		tick(0)
	}
	return "", nil
}

// Fixed: a named result that is never used in the body (explicit
// returns only) becomes an unused Resume local: "declared and not used: err".
//
// async
func bugNamedResultUnused() (string, error) {
	return namedOnlyExplicit(2)
}

// async
func namedOnlyExplicit(x int) (s string, err error) {
	s = tickS("x")
	return s + s, nil
}

// Fixed: with deferred calls, return v, err assigns the values to the named
// results first; returning a named result by its own name generated
// ag_f.err = ag_f.err, which go vet rejects as a self-assignment.
//
// async
func bugReturnNamedByName() (string, error) {
	a, errA := namedByName(1)
	b, errB := namedByName(0)
	return fmt.Sprint(a, errA, b, errB), nil
}

// async
func namedByName(n int) (v int, err error) {
	defer func() { logf("deferred sees v=%d err=%v", v, err) }()
	tick(n)
	if n > 0 {
		err = fmt.Errorf("n=%d", n)
		return n, err
	}
	v = 7
	return v, err
}

// Fixed (found by FuzzGenerate): a variable read only after a terminating
// block, in code the generator prunes as unreachable, was an unused Resume
// local ("declared and not used: body").
//
// async
func bugReadOnlyWhenUnreachable() (string, error) {
	tick(0)
	body, err := fmt.Sprint("b"), error(nil)
	{
		return "early", err
	}
	return body, nil
}
