// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue48318.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"encoding/xml"
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_issue48318_main_A[T, U any] struct {
	Name T `xml:"name"`
	Data U `xml:"data"`
}

// async
func typeparam_issue48318_main_main() {
	rt.Sleep(0)
	src := &typeparam_issue48318_main_A[string, int]{Name: "name", Data: 1}
	rt.Sleep(0)
	data, err := xml.Marshal(src)
	rt.Sleep(0)
	if conformAwait(err != nil) {
		rt.Sleep(0)
		panic(err)
	}
	rt.Sleep(0)
	dst := &typeparam_issue48318_main_A[string, int]{}
	rt.Sleep(0)
	err = xml.Unmarshal(data, dst)
	rt.Sleep(0)
	if conformAwait(err != nil) {
		rt.Sleep(0)
		panic(err)
	}
	rt.Sleep(0)
	if conformAwait(*src != *dst) {
		rt.Sleep(0)
		panic(fmt.Sprintf("wanted %#v got %#v", src, dst))
	}
}

// async
func typeparam_issue48318_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue48318_main_main()
	rt.Sleep(0)
}
