// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue48276b.go (go1.26.8), case f, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// async
func typeparam_issue48276b_f_f[T any](x T) {
	rt.Sleep(0)
	var _ interface{} = x
	rt.Sleep(0)
}

// async
func typeparam_issue48276b_f__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue48276b_f_f[interface{}](nil)
	rt.Sleep(0)
}
