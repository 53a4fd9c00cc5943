// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue47684b.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// async
func typeparam_issue47684b_main_f[G any]() interface{} {
	rt.Sleep(0)
	return func() interface{} {
		return func() interface{} {
			var x G
			return x
		}()
	}()
}

// async
func typeparam_issue47684b_main_main() {
	rt.Sleep(0)
	x := typeparam_issue47684b_main_f[int]()
	rt.Sleep(0)
	if v, ok := x.(int); conformAwait(!ok || v != 0) {
		rt.Sleep(0)
		panic("bad")
	}
}

// async
func typeparam_issue47684b_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue47684b_main_main()
	rt.Sleep(0)
}
