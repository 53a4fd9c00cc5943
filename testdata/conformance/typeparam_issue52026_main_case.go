// Copyright 2022 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue52026.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// async
func typeparam_issue52026_main_returnOption[T any](n int) typeparam_issue52026_main_Option[T] {
	rt.Sleep(0)
	if conformAwait(n == 1) {
		rt.Sleep(0)
		return typeparam_issue52026_main_Some[T]{}
	} else {
		rt.Sleep(0)
		return typeparam_issue52026_main_None{}
	}
}

type typeparam_issue52026_main_Option[T any] interface {
	sealedOption()
}

type typeparam_issue52026_main_Some[T any] struct {
	val T
}

// async
func (s typeparam_issue52026_main_Some[T]) Value() T {
	rt.Sleep(0)
	return s.val
}

// async
func (s typeparam_issue52026_main_Some[T]) sealedOption() { rt.Sleep(0) }

type typeparam_issue52026_main_None struct{}

// async
func (s typeparam_issue52026_main_None) sealedOption() { rt.Sleep(0) }

// async
func typeparam_issue52026_main_main() {
	rt.Sleep(0)
	s := typeparam_issue52026_main_returnOption[int](1)
	rt.Sleep(0)
	_ = s.(typeparam_issue52026_main_Some[int])

	rt.Sleep(0)
	s = typeparam_issue52026_main_returnOption[int](0)
	rt.Sleep(0)
	_ = s.(typeparam_issue52026_main_None)

	rt.Sleep(0)
	switch (any)(s).(type) {
	case typeparam_issue52026_main_Some[int]:
		rt.Sleep(0)
		panic("s is a Some[int]")
	case typeparam_issue52026_main_None:
		rt.Sleep(0)
		// ok
	default:
		rt.Sleep(0)
		panic("oops")
	}
}

// async
func typeparam_issue52026_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue52026_main_main()
	rt.Sleep(0)
}
