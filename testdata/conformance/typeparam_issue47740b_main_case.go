// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue47740b.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
	"reflect"
)

type typeparam_issue47740b_main_S[T any] struct {
	a interface{}
}

// async
func (e typeparam_issue47740b_main_S[T]) M() {
	rt.Sleep(0)
	v := reflect.ValueOf(e.a)
	rt.Sleep(0)
	_, _ = v.Interface().(int)
	rt.Sleep(0)
}

// async
func typeparam_issue47740b_main_main() {
	rt.Sleep(0)
	e := typeparam_issue47740b_main_S[int]{0}
	rt.Sleep(0)
	e.M()
	rt.Sleep(0)
}

// async
func typeparam_issue47740b_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue47740b_main_main()
	rt.Sleep(0)
}
