// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/dictionaryCapture.go (go1.26.8), case recursive, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

// async
func typeparam_dictionaryCapture_recursive_recursive() {
	rt.Sleep(0)
	if got, want := typeparam_dictionaryCapture_recursive_recur1[int](5), 110; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("recur1[int](5) = %d, want = %d", got, want))
	}
}

type typeparam_dictionaryCapture_recursive_Integer interface {
	int | int32 | int64
}

// async
func typeparam_dictionaryCapture_recursive_recur1[T typeparam_dictionaryCapture_recursive_Integer](n T) T {
	rt.Sleep(0)
	if conformAwait(n == 0 || n == 1) {
		rt.Sleep(0)
		return T(1)
	} else {
		rt.Sleep(0)
		return n * typeparam_dictionaryCapture_recursive_recur2(n-1)
	}
}

// async
func typeparam_dictionaryCapture_recursive_recur2[T typeparam_dictionaryCapture_recursive_Integer](n T) T {
	rt.Sleep(0)
	list := make([]T, n)
	rt.Sleep(0)
	for i, _ := range list {
		rt.Sleep(0)
		list[i] = T(i + 1)
		rt.Sleep(0)
	}
	rt.Sleep(0)
	var sum T
	rt.Sleep(0)
	for _, elt := range list {
		rt.Sleep(0)
		sum += elt
		rt.Sleep(0)
	}
	rt.Sleep(0)
	return sum + typeparam_dictionaryCapture_recursive_recur1(n-1)
}

// async
func typeparam_dictionaryCapture_recursive__run(t *conformT) {
	rt.Sleep(0)
	typeparam_dictionaryCapture_recursive_recursive()
	rt.Sleep(0)
}
