// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue47514b.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// async
func typeparam_issue47514b_main_Do[T any](do func() (T, string)) {
	rt.Sleep(0)
	_ = func() (T, string) {
		return do()
	}
	rt.Sleep(0)
}

// async
func typeparam_issue47514b_main_main() {
	rt.Sleep(0)
	typeparam_issue47514b_main_Do[int](func() (int, string) {
		return 3, "3"
	})
	rt.Sleep(0)
}

// async
func typeparam_issue47514b_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue47514b_main_main()
	rt.Sleep(0)
}
