// Copyright 2022 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue53087.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_issue53087_main_I interface {
	M()
}

type typeparam_issue53087_main_S struct {
	str string
}

// async
func (s *typeparam_issue53087_main_S) M() { rt.Sleep(0) }

type typeparam_issue53087_main_CloningMap[K comparable, V any] struct {
	inner map[K]V
}

// async
func (cm typeparam_issue53087_main_CloningMap[K, V]) With(key K, value V) typeparam_issue53087_main_CloningMap[K, V] {
	rt.Sleep(0)
	result := typeparam_issue53087_main_CloneBad(cm.inner)
	rt.Sleep(0)
	result[key] = value
	rt.Sleep(0)
	return typeparam_issue53087_main_CloningMap[K, V]{result}
}

// async
func typeparam_issue53087_main_CloneBad[M ~map[K]V, K comparable, V any](m M) M {
	rt.Sleep(0)
	r := make(M, len(m))
	rt.Sleep(0)
	for k, v := range m {
		rt.Sleep(0)
		r[k] = v
		rt.Sleep(0)
	}
	rt.Sleep(0)
	return r
}

// async
func typeparam_issue53087_main_main() {
	rt.Sleep(0)
	s1 := &typeparam_issue53087_main_S{"one"}
	rt.Sleep(0)
	s2 := &typeparam_issue53087_main_S{"two"}

	rt.Sleep(0)
	m := typeparam_issue53087_main_CloningMap[string, typeparam_issue53087_main_I]{inner: make(map[string]typeparam_issue53087_main_I)}
	rt.Sleep(0)
	m = m.With("a", s1)
	rt.Sleep(0)
	m = m.With("b", s2)

	rt.Sleep(0)
	it, found := m.inner["a"]
	rt.Sleep(0)
	if conformAwait(!found) {
		rt.Sleep(0)
		panic("a not found")
	}
	rt.Sleep(0)
	if _, ok := it.(*typeparam_issue53087_main_S); conformAwait(!ok) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %T want *main.typeparam_issue53087_main_S", it))
	}
}

// async
func typeparam_issue53087_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue53087_main_main()
	rt.Sleep(0)
}
