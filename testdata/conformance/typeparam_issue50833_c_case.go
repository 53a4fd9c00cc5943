// Copyright 2022 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue50833.go (go1.26.8), case c, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type (
	typeparam_issue50833_c_S  struct{ f int }
	typeparam_issue50833_c_PS *typeparam_issue50833_c_S
)

// async
func typeparam_issue50833_c_c[P *typeparam_issue50833_c_S]() []P { rt.Sleep(0); return []P{{f: 1}} }

// async
func typeparam_issue50833_c__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue50833_c_c[*typeparam_issue50833_c_S]()
	rt.Sleep(0)
}
