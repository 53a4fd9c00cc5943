// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue48645b.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_issue48645b_main_Iterator[T any] interface {
	Iterate(fn func(T) bool)
}

type typeparam_issue48645b_main_IteratorFunc[T any] func(fn func(T) bool)

// async
func (f typeparam_issue48645b_main_IteratorFunc[T]) Iterate(fn func(T) bool) {
	rt.Sleep(0)
	f(fn)
	rt.Sleep(0)
}

type typeparam_issue48645b_main_Stream[T any] struct {
	it typeparam_issue48645b_main_Iterator[T]
}

// async
func (s typeparam_issue48645b_main_Stream[T]) Iterate(fn func(T) bool) {
	rt.Sleep(0)
	if conformAwait(s.it == nil) {
		rt.Sleep(0)
		return
	}
	rt.Sleep(0)
	s.it.Iterate(fn)
	rt.Sleep(0)
}

// async
func typeparam_issue48645b_main_FromIterator[T any](it typeparam_issue48645b_main_Iterator[T]) typeparam_issue48645b_main_Stream[T] {
	rt.Sleep(0)
	return typeparam_issue48645b_main_Stream[T]{it: it}
}

// async
func (s typeparam_issue48645b_main_Stream[T]) DropWhile(fn func(T) bool) typeparam_issue48645b_main_Stream[T] {
	rt.Sleep(0)
	return typeparam_issue48645b_main_Pipe[T, T](s, func(t T) (T, bool) {
		return t, true
	})
}

// async
func typeparam_issue48645b_main_Pipe[T, R any](s typeparam_issue48645b_main_Stream[T], op func(d T) (R, bool)) typeparam_issue48645b_main_Stream[R] {
	rt.Sleep(0)
	it := func(fn func(R) bool) {
		// XXX Not getting the closure right when converting to interface.
		// s.it.Iterate(func(t T) bool {
		// 	r, ok := op(t)
		// 	if !ok {
		// 		return true
		// 	}

		// 	return fn(r)
		// })
	}

	rt.Sleep(0)
	return typeparam_issue48645b_main_FromIterator[R](typeparam_issue48645b_main_IteratorFunc[R](it))
}

// async
func typeparam_issue48645b_main_Reduce[T, U any](s typeparam_issue48645b_main_Stream[T], identity U, acc func(U, T) U) (r U) {
	rt.Sleep(0)
	r = identity
	rt.Sleep(0)
	s.Iterate(func(t T) bool {
		r = acc(r, t)
		return true
	})

	rt.Sleep(0)
	return r
}

type typeparam_issue48645b_main_myIterator struct {
}

// async
func (typeparam_issue48645b_main_myIterator) Iterate(fn func(int) bool) {
	rt.Sleep(0)
}

// async
func typeparam_issue48645b_main_main() {
	rt.Sleep(0)
	s := typeparam_issue48645b_main_Stream[int]{}
	rt.Sleep(0)
	s.it = typeparam_issue48645b_main_myIterator{}
	rt.Sleep(0)
	s = s.DropWhile(func(i int) bool {
		return false
	})
	rt.Sleep(0)
	typeparam_issue48645b_main_Reduce(s, nil, func(acc []int, e int) []int {
		return append(acc, e)
	})
	rt.Sleep(0)
}

// async
func typeparam_issue48645b_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue48645b_main_main()
	rt.Sleep(0)
}
