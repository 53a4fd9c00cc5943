// Copyright 2022 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue51521.go (go1.26.8), case G, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"strings"
)

// async
func typeparam_issue51521_G_G[T any]() {
	rt.Sleep(0)
	defer typeparam_issue51521_G_catch()
	rt.Sleep(0)
	interface{ M() T }.M(nil)
	rt.Sleep(0)
}

// async
func typeparam_issue51521_G_catch() {
	rt.Sleep(0)
	err := recover()
	rt.Sleep(0)
	if err, ok := err.(error); conformAwait(ok && strings.Contains(err.Error(), "nil pointer dereference")) {
		rt.Sleep(0)
		return
	}
	rt.Sleep(0)
	fmt.Println("FAIL", err)
	rt.Sleep(0)
}

// async
func typeparam_issue51521_G__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue51521_G_G[int]()
	rt.Sleep(0)
}
