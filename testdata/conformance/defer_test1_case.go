// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/defer.go (go1.26.8), case test1, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

var defer_test1_result string

// async
func defer_test1_addInt(i int) { rt.Sleep(0); defer_test1_result += fmt.Sprint(i); rt.Sleep(0) }

// async
func defer_test1_test1helper() {
	rt.Sleep(0)
	for i := 0; conformAwait(i < 10); i++ {
		rt.Sleep(0)
		defer defer_test1_addInt(i)
		rt.Sleep(0)
	}
}

// async
func defer_test1_test1() {
	rt.Sleep(0)
	defer_test1_result = ""
	rt.Sleep(0)
	defer_test1_test1helper()
	rt.Sleep(0)
	if conformAwait(defer_test1_result != "9876543210") {
		rt.Sleep(0)
		fmt.Printf("test1: bad defer result (should be 9876543210): %q\n", defer_test1_result)
		rt.Sleep(0)
		panic("defer")
	}
}

// async
func defer_test1__run(t *conformT) {
	rt.Sleep(0)
	defer_test1_test1()
	rt.Sleep(0)
}
