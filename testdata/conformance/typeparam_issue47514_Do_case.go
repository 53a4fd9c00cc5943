// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue47514.go (go1.26.8), case Do, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// async
func typeparam_issue47514_Do_Do[T any]() {
	rt.Sleep(0)
	_ = func() string {
		return ""
	}
	rt.Sleep(0)
}

// async
func typeparam_issue47514_Do__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue47514_Do_Do[int]()
	rt.Sleep(0)
}
