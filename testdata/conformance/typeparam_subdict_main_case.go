// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/subdict.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_subdict_main_C comparable

type typeparam_subdict_main_value[T typeparam_subdict_main_C] struct {
	val T
}

// async
func (v *typeparam_subdict_main_value[T]) test(def T) bool {
	rt.Sleep(0)
	return (v.val == def)
}

// async
func (v *typeparam_subdict_main_value[T]) get(def T) T {
	rt.Sleep(0)
	var c typeparam_subdict_main_value[int]
	rt.Sleep(0)
	if conformAwait(c.test(32)) {
		rt.Sleep(0)
		return def
	} else if conformAwait(v.test(def)) {
		rt.Sleep(0)
		return def
	} else {
		rt.Sleep(0)
		return v.val
	}
}

// async
func typeparam_subdict_main_main() {
	rt.Sleep(0)
	var s typeparam_subdict_main_value[string]
	rt.Sleep(0)
	if got, want := s.get("ab"), ""; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("get() == %d, want %d", got, want))
	}
}

// async
func typeparam_subdict_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_subdict_main_main()
	rt.Sleep(0)
}
