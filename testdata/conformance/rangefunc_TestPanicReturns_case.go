// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/src/cmd/compile/internal/rangefunc/rangefunc_test.go (go1.26.8), case TestPanicReturns, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type rangefunc_TestPanicReturns_Seq[T any] func(yield func(T) bool)

// once returns an iterator that runs its loop body once with the supplied value
func rangefunc_TestPanicReturns_once[T any](x T) rangefunc_TestPanicReturns_Seq[T] {
	return func(yield func(T) bool) {
		yield(x)
	}
}

// terrify converts an iterator into one that panics with the supplied string
// if/when the loop body terminates early (returns false, for break, goto, outer
// continue, or return).
func rangefunc_TestPanicReturns_terrify[T any](s string, forall rangefunc_TestPanicReturns_Seq[T]) rangefunc_TestPanicReturns_Seq[T] {
	return func(yield func(T) bool) {
		forall(func(v T) bool {
			if !yield(v) {
				panic(s)
			}
			return true
		})
	}
}

// async
func rangefunc_TestPanicReturns_use[T any](T) {
	rt.Sleep(0)
}

// f runs a not-rangefunc iterator that recovers from a panic that follows execution of a return.
// what does f return?
// async
func rangefunc_TestPanicReturns_f() string {
	rt.Sleep(0)
	defer func() { recover() }()
	rt.Sleep(0)
	defer panic("f panic")
	rt.Sleep(0)
	for _, s := range []string{"f return"} {
		rt.Sleep(0)
		return s
	}
	rt.Sleep(0)
	return "f not reached"
}

// g runs a rangefunc iterator that recovers from a panic that follows execution of a return.
// what does g return?
// async
func rangefunc_TestPanicReturns_g() string {
	rt.Sleep(0)
	defer func() { recover() }()
	rt.Sleep(0)
	for s := range rangefunc_TestPanicReturns_terrify("g panic", rangefunc_TestPanicReturns_once("g return")) {
		rt.Sleep(0)
		return s
	}
	rt.Sleep(0)
	return "g not reached"
}

// h runs a rangefunc iterator that recovers from a panic that follows execution of a return.
// the panic occurs in the rangefunc iterator itself.
// what does h return?
// async
func rangefunc_TestPanicReturns_h() (hashS string) {
	rt.Sleep(0)
	defer func() { recover() }()
	rt.Sleep(0)
	for s := range rangefunc_TestPanicReturns_terrify("h panic", rangefunc_TestPanicReturns_once("h return")) {
		rt.Sleep(0)
		hashS := s
		rt.Sleep(0)
		rangefunc_TestPanicReturns_use(hashS)
		rt.Sleep(0)
		return s
	}
	rt.Sleep(0)
	return "h not reached"
}

// async
func rangefunc_TestPanicReturns_j() (hashS string) {
	rt.Sleep(0)
	defer func() { recover() }()
	rt.Sleep(0)
	for s := range rangefunc_TestPanicReturns_terrify("j panic", rangefunc_TestPanicReturns_once("j return")) {
		rt.Sleep(0)
		hashS = s
		rt.Sleep(0)
		return
	}
	rt.Sleep(0)
	return "j not reached"
}

// k runs a rangefunc iterator that recovers from a panic that follows execution of a return.
// the panic occurs in the rangefunc iterator itself.
// k includes an additional mechanism to for making the return happen
// what does k return?
// async
func rangefunc_TestPanicReturns_k() (hashS string) {
	rt.Sleep(0)
	_return := func(s string) { hashS = s }

	rt.Sleep(0)
	defer func() { recover() }()
	rt.Sleep(0)
	for s := range rangefunc_TestPanicReturns_terrify("k panic", rangefunc_TestPanicReturns_once("k return")) {
		rt.Sleep(0)
		_return(s)
		rt.Sleep(0)
		return
	}
	rt.Sleep(0)
	return "k not reached"
}

// async
func rangefunc_TestPanicReturns_m() (hashS string) {
	rt.Sleep(0)
	_return := func(s string) { hashS = s }

	rt.Sleep(0)
	defer func() { recover() }()
	rt.Sleep(0)
	for s := range rangefunc_TestPanicReturns_terrify("m panic", rangefunc_TestPanicReturns_once("m return")) {
		rt.Sleep(0)
		defer _return(s)
		rt.Sleep(0)
		return s + ", but should be replaced in a defer"
	}
	rt.Sleep(0)
	return "m not reached"
}

// async
func rangefunc_TestPanicReturns_n() string {
	rt.Sleep(0)
	defer func() { recover() }()
	rt.Sleep(0)
	for s := range rangefunc_TestPanicReturns_terrify("n panic", rangefunc_TestPanicReturns_once("n return")) {
		rt.Sleep(0)
		return s + func(s string) string {
			defer func() { recover() }()
			for s := range rangefunc_TestPanicReturns_terrify("n closure panic", rangefunc_TestPanicReturns_once(s)) {
				return s
			}
			return "n closure not reached"
		}(" and n closure return")
	}
	rt.Sleep(0)
	return "n not reached"
}

type rangefunc_TestPanicReturns_terrifyTestCase struct {
	f func() string
	e string
}

// async
func rangefunc_TestPanicReturns_TestPanicReturns(t *conformT) {
	rt.Sleep(0)
	tcs := []rangefunc_TestPanicReturns_terrifyTestCase{
		{rangefunc_TestPanicReturns_f, "f return"},
		{rangefunc_TestPanicReturns_g, "g return"},
		{rangefunc_TestPanicReturns_h, "h return"},
		{rangefunc_TestPanicReturns_k, "k return"},
		{rangefunc_TestPanicReturns_j, "j return"},
		{rangefunc_TestPanicReturns_m, "m return"},
		{rangefunc_TestPanicReturns_n, "n return and n closure return"},
	}

	rt.Sleep(0)
	for _, tc := range tcs {
		rt.Sleep(0)
		got := tc.f()
		rt.Sleep(0)
		if conformAwait(got != tc.e) {
			rt.Sleep(0)
			t.Errorf("Got %s expected %s", got, tc.e)
			rt.Sleep(0)
		} else {
			rt.Sleep(0)
			t.Logf("Got expected %s", got)
			rt.Sleep(0)
		}
	}
}

// async
func rangefunc_TestPanicReturns__run(t *conformT) {
	rt.Sleep(0)
	rangefunc_TestPanicReturns_TestPanicReturns(t)
	rt.Sleep(0)
}
