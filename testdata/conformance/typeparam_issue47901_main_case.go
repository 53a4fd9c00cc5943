// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue47901.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_issue47901_main_Chan[T any] chan typeparam_issue47901_main_Chan[T]

// async
func (ch typeparam_issue47901_main_Chan[T]) recv() typeparam_issue47901_main_Chan[T] {
	rt.Sleep(0)
	return <-ch
}

// async
func typeparam_issue47901_main_main() {
	rt.Sleep(0)
	ch := typeparam_issue47901_main_Chan[int](make(chan typeparam_issue47901_main_Chan[int]))
	rt.Sleep(0)
	go func() {
		ch <- make(typeparam_issue47901_main_Chan[int])
	}()
	rt.Sleep(0)
	ch.recv()
	rt.Sleep(0)
}

// async
func typeparam_issue47901_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue47901_main_main()
	rt.Sleep(0)
}
