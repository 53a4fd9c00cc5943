// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue44688.go (go1.26.8), case test1, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_issue44688_test1_A1[T any] struct {
	val T
}

// async
func (p *typeparam_issue44688_test1_A1[T]) m1(val T) {
	rt.Sleep(0)
	p.val = val
	rt.Sleep(0)
}

type typeparam_issue44688_test1_A2[T any] interface {
	m2(T)
}

type typeparam_issue44688_test1_B1[T any] struct {
	filler int
	*typeparam_issue44688_test1_A1[T]
	typeparam_issue44688_test1_A2[T]
}

type typeparam_issue44688_test1_B2[T any] interface {
	typeparam_issue44688_test1_A2[T]
}

type typeparam_issue44688_test1_ImpA2[T any] struct {
	f T
}

// async
func (a2 *typeparam_issue44688_test1_ImpA2[T]) m2(s T) {
	rt.Sleep(0)
	a2.f = s
	rt.Sleep(0)
}

type typeparam_issue44688_test1_C[T any] struct {
	filler1 int
	filler2 int
	typeparam_issue44688_test1_B1[T]
}

type typeparam_issue44688_test1_D[T any] struct {
	filler1 int
	filler2 int
	filler3 int
	typeparam_issue44688_test1_C[T]
}

// async
func typeparam_issue44688_test1_test1[T any](arg T) {
	// calling embedded methods
	rt.Sleep(0)
	var b1 typeparam_issue44688_test1_B1[T]
	rt.Sleep(0)
	b1.typeparam_issue44688_test1_A1 = &typeparam_issue44688_test1_A1[T]{}
	rt.Sleep(0)
	b1.typeparam_issue44688_test1_A2 = &typeparam_issue44688_test1_ImpA2[T]{}

	rt.Sleep(0)
	b1.typeparam_issue44688_test1_A1.m1(arg)
	rt.Sleep(0)
	b1.m1(arg)

	rt.Sleep(0)
	b1.typeparam_issue44688_test1_A2.m2(arg)
	rt.Sleep(0)
	b1.m2(arg)

	rt.Sleep(0)
	var b2 typeparam_issue44688_test1_B2[T]
	rt.Sleep(0)
	b2 = &typeparam_issue44688_test1_ImpA2[T]{}
	rt.Sleep(0)
	b2.m2(arg)

	// a deeper nesting
	rt.Sleep(0)
	var d typeparam_issue44688_test1_D[T]
	rt.Sleep(0)
	d.typeparam_issue44688_test1_C.typeparam_issue44688_test1_B1.typeparam_issue44688_test1_A1 = &typeparam_issue44688_test1_A1[T]{}
	rt.Sleep(0)
	d.typeparam_issue44688_test1_C.typeparam_issue44688_test1_B1.typeparam_issue44688_test1_A2 = &typeparam_issue44688_test1_ImpA2[T]{}
	rt.Sleep(0)
	d.m1(arg)
	rt.Sleep(0)
	d.m2(arg)

	// calling method expressions
	rt.Sleep(0)
	m1x := typeparam_issue44688_test1_B1[T].m1
	rt.Sleep(0)
	m1x(b1, arg)
	// TODO(khr): reenable these.
	//m2x := B2[T].m2
	//m2x(b2, arg)

	// calling method values
	rt.Sleep(0)
	m1v := b1.m1
	rt.Sleep(0)
	m1v(arg)
	rt.Sleep(0)
	m2v := b1.m2
	rt.Sleep(0)
	m2v(arg)
	rt.Sleep(0)
	b2v := b2.m2
	rt.Sleep(0)
	b2v(arg)
	rt.Sleep(0)
}

// async
func typeparam_issue44688_test1__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue44688_test1_test1[string]("")
	rt.Sleep(0)
}
