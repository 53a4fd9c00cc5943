// Copyright 2022 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue51700.go (go1.26.8), case f, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// async
func typeparam_issue51700_f_f[B any](b B) {
	rt.Sleep(0)
	if b1, ok := any(b).(interface{ m1() }); conformAwait(ok) {
		rt.Sleep(0)
		panic(1)
		rt.Sleep(0)
		_ = b1.(B)
		rt.Sleep(0)
	}
	rt.Sleep(0)
	if b2, ok := any(b).(interface{ m2() }); conformAwait(ok) {
		rt.Sleep(0)
		panic(2)
		rt.Sleep(0)
		_ = b2.(B)
		rt.Sleep(0)
	}
}

type typeparam_issue51700_f_S struct{}

// async
func (typeparam_issue51700_f_S) m3() { rt.Sleep(0) }

// async
func typeparam_issue51700_f__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue51700_f_f(typeparam_issue51700_f_S{})
	rt.Sleep(0)
}
