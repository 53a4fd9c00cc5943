// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/list.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_list_main_Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64 |
		~string
}

// _List is a linked list of ordered values of type T.
type typeparam_list_main__List[T typeparam_list_main_Ordered] struct {
	next *typeparam_list_main__List[T]
	val  T
}

// async
func (l *typeparam_list_main__List[T]) Largest() T {
	rt.Sleep(0)
	var max T
	rt.Sleep(0)
	for p := l; conformAwait(p != nil); p = p.next {
		rt.Sleep(0)
		if conformAwait(p.val > max) {
			rt.Sleep(0)
			max = p.val
			rt.Sleep(0)
		}
	}
	rt.Sleep(0)
	return max
}

type typeparam_list_main_OrderedNum interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64
}

// _ListNum is a linked _List of ordered numeric values of type T.
type typeparam_list_main__ListNum[T typeparam_list_main_OrderedNum] struct {
	next *typeparam_list_main__ListNum[T]
	val  T
}

const typeparam_list_main_Clip = 5

// ClippedLargest returns the largest in the list of OrderNums, but a max of 5.
// Test use of untyped constant in an expression with a generically-typed parameter
// async
func (l *typeparam_list_main__ListNum[T]) ClippedLargest() T {
	rt.Sleep(0)
	var max T
	rt.Sleep(0)
	for p := l; conformAwait(p != nil); p = p.next {
		rt.Sleep(0)
		if conformAwait(p.val > max && p.val < typeparam_list_main_Clip) {
			rt.Sleep(0)
			max = p.val
			rt.Sleep(0)
		}
	}
	rt.Sleep(0)
	return max
}

// async
func typeparam_list_main_main() {
	rt.Sleep(0)
	i3 := &typeparam_list_main__List[int]{nil, 1}
	rt.Sleep(0)
	i2 := &typeparam_list_main__List[int]{i3, 3}
	rt.Sleep(0)
	i1 := &typeparam_list_main__List[int]{i2, 2}
	rt.Sleep(0)
	if got, want := i1.Largest(), 3; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d, want %d", got, want))
	}

	rt.Sleep(0)
	b3 := &typeparam_list_main__List[byte]{nil, byte(1)}
	rt.Sleep(0)
	b2 := &typeparam_list_main__List[byte]{b3, byte(3)}
	rt.Sleep(0)
	b1 := &typeparam_list_main__List[byte]{b2, byte(2)}
	rt.Sleep(0)
	if got, want := b1.Largest(), byte(3); conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d, want %d", got, want))
	}

	rt.Sleep(0)
	f3 := &typeparam_list_main__List[float64]{nil, 13.5}
	rt.Sleep(0)
	f2 := &typeparam_list_main__List[float64]{f3, 1.2}
	rt.Sleep(0)
	f1 := &typeparam_list_main__List[float64]{f2, 4.5}
	rt.Sleep(0)
	if got, want := f1.Largest(), 13.5; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %f, want %f", got, want))
	}

	rt.Sleep(0)
	s3 := &typeparam_list_main__List[string]{nil, "dd"}
	rt.Sleep(0)
	s2 := &typeparam_list_main__List[string]{s3, "aa"}
	rt.Sleep(0)
	s1 := &typeparam_list_main__List[string]{s2, "bb"}
	rt.Sleep(0)
	if got, want := s1.Largest(), "dd"; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %s, want %s", got, want))
	}

	rt.Sleep(0)
	j3 := &typeparam_list_main__ListNum[int]{nil, 1}
	rt.Sleep(0)
	j2 := &typeparam_list_main__ListNum[int]{j3, 32}
	rt.Sleep(0)
	j1 := &typeparam_list_main__ListNum[int]{j2, 2}
	rt.Sleep(0)
	if got, want := j1.ClippedLargest(), 2; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d, want %d", got, want))
	}
	rt.Sleep(0)
	g3 := &typeparam_list_main__ListNum[float64]{nil, 13.5}
	rt.Sleep(0)
	g2 := &typeparam_list_main__ListNum[float64]{g3, 1.2}
	rt.Sleep(0)
	g1 := &typeparam_list_main__ListNum[float64]{g2, 4.5}
	rt.Sleep(0)
	if got, want := g1.ClippedLargest(), 4.5; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %f, want %f", got, want))
	}
}

// async
func typeparam_list_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_list_main_main()
	rt.Sleep(0)
}
