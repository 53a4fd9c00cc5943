// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue50002.go (go1.26.8), case F_2, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_issue50002_F_2_S struct{}

// async
func (typeparam_issue50002_F_2_S) M() byte {
	rt.Sleep(0)
	return 0
}

type typeparam_issue50002_F_2_I[T any] interface {
	M() T
}

// async
func typeparam_issue50002_F_2_F[T, A any](x typeparam_issue50002_F_2_I[T], shouldMatch bool) {
	rt.Sleep(0)
	switch x.(type) {
	case A:
		rt.Sleep(0)
		if conformAwait(!shouldMatch) {
			rt.Sleep(0)
			fmt.Printf("wanted mis-match, got match")
			rt.Sleep(0)
		}
	default:
		rt.Sleep(0)
		if conformAwait(shouldMatch) {
			rt.Sleep(0)
			fmt.Printf("wanted match, got mismatch")
			rt.Sleep(0)
		}
	}

	rt.Sleep(0)
	_, ok := x.(A)
	rt.Sleep(0)
	if conformAwait(ok != shouldMatch) {
		rt.Sleep(0)
		fmt.Printf("ok: got %v, wanted %v", ok, shouldMatch)
		rt.Sleep(0)
	}

	rt.Sleep(0)
	if conformAwait(!shouldMatch) {
		rt.Sleep(0)
		defer func() {
			if shouldMatch {
				fmt.Printf("Shouldn't have panicked")
			}
			recover()
		}()
		rt.Sleep(0)
	}
	rt.Sleep(0)
	_ = x.(A)
	rt.Sleep(0)
	if conformAwait(!shouldMatch) {
		rt.Sleep(0)
		fmt.Printf("Should have panicked")
		rt.Sleep(0)
	}
}

// async
func typeparam_issue50002_F_2__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue50002_F_2_F[byte, typeparam_issue50002_F_2_S](typeparam_issue50002_F_2_S{}, true)
	rt.Sleep(0)
}
