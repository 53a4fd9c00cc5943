// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/devirtualize2.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_devirtualize2_main_S struct {
	x int
}

// async
func (t *typeparam_devirtualize2_main_S) M1() {
	rt.Sleep(0)
}

// async
func (t *typeparam_devirtualize2_main_S) M2() {
	rt.Sleep(0)
}

type typeparam_devirtualize2_main_I interface {
	M1()
}

// async
func typeparam_devirtualize2_main_F[T typeparam_devirtualize2_main_I](x T) typeparam_devirtualize2_main_I {
	rt.Sleep(0)
	return x
}

// async
func typeparam_devirtualize2_main_main() {
	rt.Sleep(0)
	typeparam_devirtualize2_main_F(&typeparam_devirtualize2_main_S{}).(interface{ M2() }).M2()
	rt.Sleep(0)
}

// async
func typeparam_devirtualize2_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_devirtualize2_main_main()
	rt.Sleep(0)
}
