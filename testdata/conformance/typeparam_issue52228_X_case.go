// Copyright 2022 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue52228.go (go1.26.8), case X, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_issue52228_X_SomeInterface interface {
	Whatever()
}

// async
func typeparam_issue52228_X_X[T any]() T {
	rt.Sleep(0)
	var m T

	// for this example, this block should never run
	rt.Sleep(0)
	if _, ok := any(m).(typeparam_issue52228_X_SomeInterface); conformAwait(ok) {
		rt.Sleep(0)
		var dst typeparam_issue52228_X_SomeInterface
		rt.Sleep(0)
		_, _ = dst.(T)
		rt.Sleep(0)
		return dst.(T)
	}

	rt.Sleep(0)
	return m
}

type typeparam_issue52228_X_holder struct{}

// async
func typeparam_issue52228_X__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue52228_X_X[typeparam_issue52228_X_holder]()
	rt.Sleep(0)
}
