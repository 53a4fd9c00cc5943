// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue48016.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"strconv"
)

// async
func typeparam_issue48016_main_test1[T any](fn func(T) int, v T) int {
	rt.Sleep(0)
	fn1 := func() int {
		var i interface{} = v
		val := fn(i.(T))
		return val
	}
	rt.Sleep(0)
	return fn1()
}

// async
func typeparam_issue48016_main_main() {
	rt.Sleep(0)
	want := 123
	rt.Sleep(0)
	got := typeparam_issue48016_main_test1(func(s string) int {
		r, err := strconv.Atoi(s)
		if err != nil {
			return 0
		}
		return r
	}, "123")
	rt.Sleep(0)
	if conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %f, want %f", got, want))
	}
}

// async
func typeparam_issue48016_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue48016_main_main()
	rt.Sleep(0)
}
