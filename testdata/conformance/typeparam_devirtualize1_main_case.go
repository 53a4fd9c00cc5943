// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/devirtualize1.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_devirtualize1_main_S struct {
	x int
}

// async
func (t *typeparam_devirtualize1_main_S) M1() {
	rt.Sleep(0)
}

// async
func typeparam_devirtualize1_main_F[T any](x T) any {
	rt.Sleep(0)
	return x
}

// async
func typeparam_devirtualize1_main_main() {
	rt.Sleep(0)
	typeparam_devirtualize1_main_F(&typeparam_devirtualize1_main_S{}).(interface{ M1() }).M1()
	rt.Sleep(0)
}

// async
func typeparam_devirtualize1_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_devirtualize1_main_main()
	rt.Sleep(0)
}
