// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/src/cmd/compile/internal/rangefunc/rangefunc_test.go (go1.26.8), case TestPanickyIterator1, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"regexp"
	"slices"
)

type rangefunc_TestPanickyIterator1_Seq2[T1, T2 any] func(yield func(T1, T2) bool)

// PanickyOfSliceIndex iterates the slice but panics if it exits the loop early
// async
func rangefunc_TestPanickyIterator1_PanickyOfSliceIndex[T any, S ~[]T](s S) rangefunc_TestPanickyIterator1_Seq2[int, T] {
	rt.Sleep(0)
	return func(yield func(int, T) bool) {
		for i, v := range s {
			if !yield(i, v) {
				panic(fmt.Errorf("Panicky iterator panicking"))
			}
		}
		return
	}
}

func rangefunc_TestPanickyIterator1_matchError(r any, x string) bool {
	if r == nil {
		return false
	}
	if x == "" {
		return true
	}
	if p, ok := r.(rangefunc_TestPanickyIterator1_errorString); ok {
		return p.Error() == x
	}
	if p, ok := r.(error); ok {
		e, err := regexp.Compile(x)
		if err != nil {
			panic(fmt.Errorf("Bad regexp '%s' passed to matchError", x))
		}
		return e.MatchString(p.Error())
	}
	return false
}

// An errorString represents a runtime error described by a single string.
type rangefunc_TestPanickyIterator1_errorString string

// async
func (e rangefunc_TestPanickyIterator1_errorString) Error() string {
	rt.Sleep(0)
	return string(e)
}

// async
func rangefunc_TestPanickyIterator1_TestPanickyIterator1(t *conformT) {
	rt.Sleep(0)
	var result []int
	rt.Sleep(0)
	var expect = []int{1, 2, 3, 4}
	rt.Sleep(0)
	defer func() {
		if r := recover(); r != nil {
			if rangefunc_TestPanickyIterator1_matchError(r, "Panicky iterator panicking") {
				t.Logf("Saw expected panic '%v'", r)
			} else {
				t.Errorf("Saw wrong panic '%v'", r)
			}
			if !slices.Equal(expect, result) {
				t.Errorf("Expected %v, got %v", expect, result)
			}
		} else {
			t.Errorf("Wanted to see a failure, result was %v", result)
		}
	}()
	rt.Sleep(0)
	for _, z := range rangefunc_TestPanickyIterator1_PanickyOfSliceIndex([]int{1, 2, 3, 4}) {
		rt.Sleep(0)
		result = append(result, z)
		rt.Sleep(0)
		if conformAwait(z == 4) {
			rt.Sleep(0)
			break
		}
	}
}

// async
func rangefunc_TestPanickyIterator1__run(t *conformT) {
	rt.Sleep(0)
	rangefunc_TestPanickyIterator1_TestPanickyIterator1(t)
	rt.Sleep(0)
}
