// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue47925c.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_issue47925c_main_I[T any] interface {
	foo()
}

type typeparam_issue47925c_main_J[T any] interface {
	foo()
	bar()
}

// async
//
//go:noinline
func typeparam_issue47925c_main_f[T typeparam_issue47925c_main_J[T]](x T) typeparam_issue47925c_main_I[T] {
	// contains a cast between two nonempty interfaces
	rt.Sleep(0)
	return typeparam_issue47925c_main_I[T](typeparam_issue47925c_main_J[T](x))
}

type typeparam_issue47925c_main_S struct {
	x int
}

// async
func (s *typeparam_issue47925c_main_S) foo() { rt.Sleep(0) }

// async
func (s *typeparam_issue47925c_main_S) bar() { rt.Sleep(0) }

// async
func typeparam_issue47925c_main_main() {
	rt.Sleep(0)
	i := typeparam_issue47925c_main_f(&typeparam_issue47925c_main_S{x: 7})
	rt.Sleep(0)
	if conformAwait(i.(*typeparam_issue47925c_main_S).x != 7) {
		rt.Sleep(0)
		panic("bad")
	}
}

// async
func typeparam_issue47925c_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue47925c_main_main()
	rt.Sleep(0)
}
