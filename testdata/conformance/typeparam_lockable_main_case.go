// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/lockable.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
	"sync"
)

// A Lockable is a value that may be safely simultaneously accessed
// from multiple goroutines via the Get and Set methods.
type typeparam_lockable_main_Lockable[T any] struct {
	x  T
	mu sync.Mutex
}

// Get returns the value stored in a Lockable.
// async
func (l *typeparam_lockable_main_Lockable[T]) get() T {
	rt.Sleep(0)
	l.mu.Lock()
	rt.Sleep(0)
	defer l.mu.Unlock()
	rt.Sleep(0)
	return l.x
}

// set sets the value in a Lockable.
// async
func (l *typeparam_lockable_main_Lockable[T]) set(v T) {
	rt.Sleep(0)
	l.mu.Lock()
	rt.Sleep(0)
	defer l.mu.Unlock()
	rt.Sleep(0)
	l.x = v
	rt.Sleep(0)
}

// async
func typeparam_lockable_main_main() {
	rt.Sleep(0)
	sl := typeparam_lockable_main_Lockable[string]{x: "a"}
	rt.Sleep(0)
	if got := sl.get(); conformAwait(got != "a") {
		rt.Sleep(0)
		panic(got)
	}
	rt.Sleep(0)
	sl.set("b")
	rt.Sleep(0)
	if got := sl.get(); conformAwait(got != "b") {
		rt.Sleep(0)
		panic(got)
	}

	rt.Sleep(0)
	il := typeparam_lockable_main_Lockable[int]{x: 1}
	rt.Sleep(0)
	if got := il.get(); conformAwait(got != 1) {
		rt.Sleep(0)
		panic(got)
	}
	rt.Sleep(0)
	il.set(2)
	rt.Sleep(0)
	if got := il.get(); conformAwait(got != 2) {
		rt.Sleep(0)
		panic(got)
	}
}

// async
func typeparam_lockable_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_lockable_main_main()
	rt.Sleep(0)
}
