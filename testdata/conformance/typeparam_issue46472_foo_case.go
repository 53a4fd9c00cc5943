// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue46472.go (go1.26.8), case foo, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// async
func typeparam_issue46472_foo_foo[T any](d T) {
	rt.Sleep(0)
	switch v := interface{}(d).(type) {
	case string:
		rt.Sleep(0)
		if conformAwait(v != "x") {
			rt.Sleep(0)
			panic("unexpected v: " + v)
		}
	}

}

// async
func typeparam_issue46472_foo__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue46472_foo_foo("x")
	rt.Sleep(0)
}
