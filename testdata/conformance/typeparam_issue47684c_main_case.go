// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue47684c.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// async
func typeparam_issue47684c_main_f[G any]() func() func() int {
	rt.Sleep(0)
	return func() func() int {
		return func() int {
			return 0
		}
	}
}

// async
func typeparam_issue47684c_main_main() {
	rt.Sleep(0)
	typeparam_issue47684c_main_f[int]()()()
	rt.Sleep(0)
}

// async
func typeparam_issue47684c_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue47684c_main_main()
	rt.Sleep(0)
}
