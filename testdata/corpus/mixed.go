// Async closures and async generators together: a closure that ranges
// over a generator, and a generator whose body awaits a closure.

package main

import (
	"fmt"

	"github.com/asyncgen/asyncgen/rt"
)

func init() {
	cases = append(cases,
		testCase{"mixed closure ranges over generator", caseClosureRangesGen, caseClosureRangesGenAsync},
		testCase{"mixed generator awaits closure", caseGenAwaitsClosure, caseGenAwaitsClosureAsync},
		testCase{"mixed generic and method generators", caseGenGenericMethod, caseGenGenericMethodAsync},
	)
}

// async
func caseClosureRangesGen() (string, error) {
	total := 0
	sum := rt.Func(func() (int, error) {
		for v := range genNumbersAsync("inner", 3, 5) {
			total += v
			if v == 5 {
				break
			}
			tick(v)
		}
		return total, nil
	})
	s, err := rt.Await(sum)
	return fmt.Sprint(s, total), err
}

// genScaled yields each of n values times a factor that an async closure
// computes from the shared scale.
//
// async
func genScaled(n int, yield func(int) bool) {
	scale := 1
	for i := range n {
		f, _ := rt.Await(rt.Func(func() (int, error) {
			scale += tick(i)
			return scale, nil
		}))
		if !yield(i * f) {
			logf("genScaled stops at %d (scale %d)", i, scale)
			return
		}
	}
	logf("genScaled done (scale %d)", scale)
}

// async
func caseGenAwaitsClosure() (string, error) {
	var got []int
	for v := range genScaledAsync(4) {
		got = append(got, v)
	}
	for v := range genScaledAsync(5) {
		if v > 6 {
			break
		}
		got = append(got, tick(v))
	}
	return fmt.Sprint(got), nil
}

// genRepeat is a generic generator: v, n times (its yield called through
// parentheses).
//
// async
func genRepeat[T any](v T, n int, yield func(T) bool) {
	for i := range n {
		tick(i)
		if !(yield)(v) {
			return
		}
	}
}

type meter struct{ reads int }

// upTo is a generator method: it counts its reads in the receiver.
//
// async
func (m *meter) upTo(n int, yield func(int) bool) {
	defer func() { logf("meter read %d times", m.reads) }()
	for i := 1; i <= n; i++ {
		m.reads++
		nothing()
		if !yield(i * 10) {
			return
		}
	}
}

// async
func caseGenGenericMethod() (string, error) {
	var words []string
	for w := range genRepeatAsync("go", 3) {
		words = append(words, w)
	}
	m := &meter{}
	sum := 0
	for v := range m.upToAsync(5) {
		sum += v
		if sum > 50 {
			break
		}
	}
	n, err := rt.Await(rt.Func(func() (int, error) {
		n := 0
		for v := range genRepeatAsync(2, 4) {
			n += v
		}
		return n, nil
	}))
	return fmt.Sprint(words, sum, m.reads, n), err
}
