// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/defer.go (go1.26.8), case test2, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

var defer_test2_result string

// async
func defer_test2_addDotDotDot(v ...interface{}) {
	rt.Sleep(0)
	defer_test2_result += fmt.Sprint(v...)
	rt.Sleep(0)
}

// async
func defer_test2_test2helper() {
	rt.Sleep(0)
	for i := 0; conformAwait(i < 10); i++ {
		rt.Sleep(0)
		defer defer_test2_addDotDotDot(i)
		rt.Sleep(0)
	}
}

// async
func defer_test2_test2() {
	rt.Sleep(0)
	defer_test2_result = ""
	rt.Sleep(0)
	defer_test2_test2helper()
	rt.Sleep(0)
	if conformAwait(defer_test2_result != "9876543210") {
		rt.Sleep(0)
		fmt.Printf("test2: bad defer result (should be 9876543210): %q\n", defer_test2_result)
		rt.Sleep(0)
		panic("defer")
	}
}

// async
func defer_test2__run(t *conformT) {
	rt.Sleep(0)
	defer_test2_test2()
	rt.Sleep(0)
}
