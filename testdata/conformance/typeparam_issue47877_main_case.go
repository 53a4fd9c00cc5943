// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue47877.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_issue47877_main_Map[K comparable, V any] struct {
	m map[K]V
}

// async
func typeparam_issue47877_main_NewMap[K comparable, V any]() typeparam_issue47877_main_Map[K, V] {
	rt.Sleep(0)
	return typeparam_issue47877_main_Map[K, V]{m: map[K]V{}}
}

// async
func (m typeparam_issue47877_main_Map[K, V]) Get(key K) V {
	rt.Sleep(0)
	return m.m[key]
}

// async
func typeparam_issue47877_main_main() {
	rt.Sleep(0)
	_ = typeparam_issue47877_main_NewMap[int, struct{}]()
	rt.Sleep(0)
}

// async
func typeparam_issue47877_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue47877_main_main()
	rt.Sleep(0)
}
