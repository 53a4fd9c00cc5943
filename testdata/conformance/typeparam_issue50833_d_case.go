// Copyright 2022 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue50833.go (go1.26.8), case d, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type (
	typeparam_issue50833_d_S  struct{ f int }
	typeparam_issue50833_d_PS *typeparam_issue50833_d_S
)

// async
func typeparam_issue50833_d_d[P typeparam_issue50833_d_PS]() []P { rt.Sleep(0); return []P{{f: 1}} }

// async
func typeparam_issue50833_d__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue50833_d_d[typeparam_issue50833_d_PS]()
	rt.Sleep(0)
}
