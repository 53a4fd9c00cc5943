// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue48042.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"reflect"
)

type typeparam_issue48042_main_G[T any] interface {
	g() func() *T
}

type typeparam_issue48042_main_Foo[T any] struct {
}

// OCALL
// async
func (l *typeparam_issue48042_main_Foo[T]) f1() *T {
	rt.Sleep(0)
	return typeparam_issue48042_main_g[T]()()
}

// OCALLFUNC
// async
func (l *typeparam_issue48042_main_Foo[T]) f2() *T {
	rt.Sleep(0)
	var f = typeparam_issue48042_main_g[T]
	rt.Sleep(0)
	return f()()
}

// OCALLMETH
// async
func (l *typeparam_issue48042_main_Foo[T]) f3() *T {
	rt.Sleep(0)
	return l.g()()
}

// OCALLINTER
// async
func (l *typeparam_issue48042_main_Foo[T]) f4() *T {
	rt.Sleep(0)
	var g typeparam_issue48042_main_G[T] = l
	rt.Sleep(0)
	return g.g()()
}

// ODYNAMICDOTTYPE
// async
func (l *typeparam_issue48042_main_Foo[T]) f5() *T {
	rt.Sleep(0)
	var x interface{}
	rt.Sleep(0)
	x = typeparam_issue48042_main_g[T]
	rt.Sleep(0)
	return x.(func() func() *T)()()
}

// async
func (l *typeparam_issue48042_main_Foo[T]) g() func() *T {
	rt.Sleep(0)
	return func() *T {
		t := new(T)
		reflect.ValueOf(t).Elem().SetInt(100)
		return t
	}
}

// async
func typeparam_issue48042_main_g[T any]() func() *T {
	rt.Sleep(0)
	return func() *T {
		t := new(T)
		reflect.ValueOf(t).Elem().SetInt(100)
		return t
	}
}

// async
func typeparam_issue48042_main_main() {
	rt.Sleep(0)
	foo := typeparam_issue48042_main_Foo[int]{}
	// Make sure the function conversion is correct
	rt.Sleep(0)
	if n := *(foo.f1()); conformAwait(n != 100) {
		rt.Sleep(0)
		panic(fmt.Sprintf("%v", n))
	}
	rt.Sleep(0)
	if n := *(foo.f2()); conformAwait(n != 100) {
		rt.Sleep(0)
		panic(fmt.Sprintf("%v", n))
	}
	rt.Sleep(0)
	if n := *(foo.f3()); conformAwait(n != 100) {
		rt.Sleep(0)
		panic(fmt.Sprintf("%v", n))
	}
	rt.Sleep(0)
	if n := *(foo.f4()); conformAwait(n != 100) {
		rt.Sleep(0)
		panic(fmt.Sprintf("%v", n))
	}
	rt.Sleep(0)
	if n := *(foo.f5()); conformAwait(n != 100) {
		rt.Sleep(0)
		panic(fmt.Sprintf("%v", n))
	}
}

// async
func typeparam_issue48042_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue48042_main_main()
	rt.Sleep(0)
}
