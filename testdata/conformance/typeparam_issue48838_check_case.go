// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue48838.go (go1.26.8), case check, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// async
func typeparam_issue48838_check_check[T any]() {
	rt.Sleep(0)
	var result typeparam_issue48838_check_setter[T]
	rt.Sleep(0)
	switch result.(type) {
	case typeparam_issue48838_check_fooA[T]:
		rt.Sleep(0)
	case typeparam_issue48838_check_fooB[T]:
		rt.Sleep(0)
	}
}

type typeparam_issue48838_check_setter[T any] interface {
	Set(T)
}

type typeparam_issue48838_check_fooA[T any] struct{}

// async
func (typeparam_issue48838_check_fooA[T]) Set(T) { rt.Sleep(0) }

type typeparam_issue48838_check_fooB[T any] struct{}

// async
func (typeparam_issue48838_check_fooB[T]) Set(T) { rt.Sleep(0) }

// async
func typeparam_issue48838_check__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue48838_check_check[string]()
	rt.Sleep(0)
}
