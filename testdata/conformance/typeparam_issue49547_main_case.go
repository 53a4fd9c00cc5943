// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue49547.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_issue49547_main_foo int

// async
func typeparam_issue49547_main_main() {
	rt.Sleep(0)
	want := "main.typeparam_issue49547_main_F[main.typeparam_issue49547_main_foo]"
	rt.Sleep(0)
	got := fmt.Sprintf("%T", typeparam_issue49547_main_F[typeparam_issue49547_main_foo]{})
	rt.Sleep(0)
	if conformAwait(got != want) {
		rt.Sleep(0)
		fmt.Printf("want: %s, got: %s\n", want, got)
		rt.Sleep(0)
	}
}

type typeparam_issue49547_main_F[T any] struct {
}

// async
func typeparam_issue49547_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue49547_main_main()
	rt.Sleep(0)
}
