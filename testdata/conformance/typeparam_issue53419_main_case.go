// Copyright 2022 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue53419.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_issue53419_main_T1 struct{}

type typeparam_issue53419_main_T2 struct{}

type typeparam_issue53419_main_Both struct {
	typeparam_issue53419_main_T1
	typeparam_issue53419_main_T2
}

// async
func (typeparam_issue53419_main_T1) m() { rt.Sleep(0); panic("FAIL") }

// async
func (typeparam_issue53419_main_T2) m() { rt.Sleep(0); panic("FAIL") }

// async
func (typeparam_issue53419_main_Both) m() { rt.Sleep(0) }

// async
func typeparam_issue53419_main_f[T interface{ m() }](c T) {
	rt.Sleep(0)
	c.m()
	rt.Sleep(0)
}

// async
func typeparam_issue53419_main_main() {
	rt.Sleep(0)
	var b typeparam_issue53419_main_Both
	rt.Sleep(0)
	b.m()
	rt.Sleep(0)
	typeparam_issue53419_main_f(b)
	rt.Sleep(0)
}

// async
func typeparam_issue53419_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue53419_main_main()
	rt.Sleep(0)
}
