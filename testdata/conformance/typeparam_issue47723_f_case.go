// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue47723.go (go1.26.8), case f, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// async
func typeparam_issue47723_f_f[_ any]() int {
	rt.Sleep(0)
	var a [1]int
	rt.Sleep(0)
	_ = func() int {
		return func() int {
			return 0
		}()
	}()
	rt.Sleep(0)
	return a[func() int {
		return 0
	}()]
}

// async
func typeparam_issue47723_f__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue47723_f_f[int]()
	rt.Sleep(0)
}
