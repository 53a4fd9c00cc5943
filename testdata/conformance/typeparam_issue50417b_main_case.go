// Copyright 2022 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue50417b.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// async
func typeparam_issue50417b_main_main() { rt.Sleep(0) }

// async
func typeparam_issue50417b_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue50417b_main_main()
	rt.Sleep(0)
}
