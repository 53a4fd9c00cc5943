// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue48317.go (go1.26.8), case a, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"encoding/json"
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_issue48317_a_A[T any] struct {
	F1 string                   `json:"t1"`
	F2 T                        `json:"t2"`
	B  typeparam_issue48317_a_B `json:"t3"`
}

type typeparam_issue48317_a_B struct {
	F4 int `json:"t4"`
}

// async
func typeparam_issue48317_a_a[T any]() {
	rt.Sleep(0)
	data := `{"t1":"1","t2":2,"t3":{"t4":4}}`
	rt.Sleep(0)
	a1 := typeparam_issue48317_a_A[T]{}
	rt.Sleep(0)
	if err := json.Unmarshal([]byte(data), &a1); conformAwait(err != nil) {
		rt.Sleep(0)
		panic(err)
	}
	rt.Sleep(0)
	if bytes, err := json.Marshal(&a1); conformAwait(err != nil) {
		rt.Sleep(0)
		panic(err)
	} else if conformAwait(string(bytes) != data) {
		rt.Sleep(0)
		panic(string(bytes))
	}
}

// async
func typeparam_issue48317_a__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue48317_a_a[int]()
	rt.Sleep(0)
}
