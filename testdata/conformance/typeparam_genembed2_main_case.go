// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/genembed2.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"sync"
)

type typeparam_genembed2_main_MyStruct[T any] struct {
	val T
}

type typeparam_genembed2_main_Lockable[T any] struct {
	typeparam_genembed2_main_MyStruct[T]
	mu sync.Mutex
}

// Get returns the value stored in a Lockable.
// async
func (l *typeparam_genembed2_main_Lockable[T]) Get() T {
	rt.Sleep(0)
	l.mu.Lock()
	rt.Sleep(0)
	defer l.mu.Unlock()
	rt.Sleep(0)
	return l.typeparam_genembed2_main_MyStruct.val
}

// Set sets the value in a Lockable.
// async
func (l *typeparam_genembed2_main_Lockable[T]) Set(v T) {
	rt.Sleep(0)
	l.mu.Lock()
	rt.Sleep(0)
	defer l.mu.Unlock()
	rt.Sleep(0)
	l.typeparam_genembed2_main_MyStruct = typeparam_genembed2_main_MyStruct[T]{v}
	rt.Sleep(0)
}

// async
func typeparam_genembed2_main_main() {
	rt.Sleep(0)
	var li typeparam_genembed2_main_Lockable[int]

	rt.Sleep(0)
	li.Set(5)
	rt.Sleep(0)
	if got, want := li.Get(), 5; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d, want %d", got, want))
	}
}

// async
func typeparam_genembed2_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_genembed2_main_main()
	rt.Sleep(0)
}
