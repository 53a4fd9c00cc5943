// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue49421.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// async
func typeparam_issue49421_main_main() {
	rt.Sleep(0)
	var a, b typeparam_issue49421_main_foo
	rt.Sleep(0)
	typeparam_issue49421_main_bar(a, b)
	rt.Sleep(0)
}

type typeparam_issue49421_main_foo int

// async
func (a typeparam_issue49421_main_foo) less(b typeparam_issue49421_main_foo) bool {
	rt.Sleep(0)
	return a < b
}

type typeparam_issue49421_main_lesser[T any] interface {
	less(T) bool
	comparable
}

// async
func typeparam_issue49421_main_bar[T typeparam_issue49421_main_lesser[T]](a, b T) {
	rt.Sleep(0)
	a.less(b)
	rt.Sleep(0)
}

// async
func typeparam_issue49421_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue49421_main_main()
	rt.Sleep(0)
}
