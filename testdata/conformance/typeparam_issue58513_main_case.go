// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue58513.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
	"runtime"
)

// async
func typeparam_issue58513_main_assert[_ any]() {
	rt.Sleep(0)
	panic(0)
}

// async
func typeparam_issue58513_main_Assert[To any]() func() {
	rt.Sleep(0)
	return typeparam_issue58513_main_assert[To]
}

type typeparam_issue58513_main_asserter[_ any] struct{}

// async
func (typeparam_issue58513_main_asserter[_]) assert() {
	rt.Sleep(0)
	panic(0)
}

// async
func typeparam_issue58513_main_AssertMV[To any]() func() {
	rt.Sleep(0)
	return typeparam_issue58513_main_asserter[To]{}.assert
}

// async
func typeparam_issue58513_main_AssertME[To any]() func(typeparam_issue58513_main_asserter[To]) {
	rt.Sleep(0)
	return typeparam_issue58513_main_asserter[To].assert
}

var typeparam_issue58513_main_me = typeparam_issue58513_main_AssertME[string]()

var typeparam_issue58513_main_tests = []func(){
	typeparam_issue58513_main_Assert[int](),
	typeparam_issue58513_main_AssertMV[int](),
	func() { typeparam_issue58513_main_me(typeparam_issue58513_main_asserter[string]{}) },
}

// async
func typeparam_issue58513_main_main() {
	rt.Sleep(0)
	for _, test := range typeparam_issue58513_main_tests {
		rt.Sleep(0)
		func() {
			defer func() {
				recover()

				// Check that we can unwind the stack without infinite looping.
				runtime.Caller(1000)
			}()
			test()
		}()
		rt.Sleep(0)
	}
}

// async
func typeparam_issue58513_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue58513_main_main()
	rt.Sleep(0)
}
