// Copyright 2019 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/defernil.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

var defernil_main_x = 0

// async
func defernil_main_main() {
	rt.Sleep(0)
	defer func() {
		err := recover()
		if err == nil {
			panic("did not panic")
		}
		if defernil_main_x != 1 {
			panic("FAIL")
		}
	}()
	rt.Sleep(0)
	defernil_main_f()
	rt.Sleep(0)
}

// async
func defernil_main_f() {
	rt.Sleep(0)
	var nilf func()
	rt.Sleep(0)
	defer nilf()
	rt.Sleep(0)
	defernil_main_x = 1
	rt.Sleep(0)
}

// async
func defernil_main__run(t *conformT) {
	rt.Sleep(0)
	defernil_main_main()
	rt.Sleep(0)
}
