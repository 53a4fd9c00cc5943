// Copyright 2018 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/closure4.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// async
func closure4_main_main() {
	rt.Sleep(0)
	defer func() {
		err := recover()
		if err == nil {
			panic("panic expected")
		}
	}()

	rt.Sleep(0)
	var f func()
	rt.Sleep(0)
	f()
	rt.Sleep(0)
}

// async
func closure4_main__run(t *conformT) {
	rt.Sleep(0)
	closure4_main_main()
	rt.Sleep(0)
}
