// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue47925.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_issue47925_main_myifacer[T any] interface{ do(T) error }

type typeparam_issue47925_main_stuff[T any] struct{}

// async
func (s typeparam_issue47925_main_stuff[T]) run() interface{} {
	rt.Sleep(0)
	var i typeparam_issue47925_main_myifacer[T]
	rt.Sleep(0)
	return i
}

// async
func typeparam_issue47925_main_main() {
	rt.Sleep(0)
	typeparam_issue47925_main_stuff[int]{}.run()
	rt.Sleep(0)
}

// async
func typeparam_issue47925_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue47925_main_main()
	rt.Sleep(0)
}
