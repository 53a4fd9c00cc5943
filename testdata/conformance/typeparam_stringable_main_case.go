// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/stringable.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"strconv"
	"strings"
)

type typeparam_stringable_main_Stringer interface {
	String() string
}

// StringableList is a slice of some type, where the type
// must have a String method.
type typeparam_stringable_main_StringableList[T typeparam_stringable_main_Stringer] []T

// async
func (s typeparam_stringable_main_StringableList[T]) String() string {
	rt.Sleep(0)
	var sb strings.Builder
	rt.Sleep(0)
	for i, v := range s {
		rt.Sleep(0)
		if conformAwait(i > 0) {
			rt.Sleep(0)
			sb.WriteString(", ")
			rt.Sleep(0)
		}
		rt.Sleep(0)
		sb.WriteString(v.String())
		rt.Sleep(0)
	}
	rt.Sleep(0)
	return sb.String()
}

type typeparam_stringable_main_myint int

// async
func (a typeparam_stringable_main_myint) String() string {
	rt.Sleep(0)
	return strconv.Itoa(int(a))
}

// async
func typeparam_stringable_main_main() {
	rt.Sleep(0)
	v := typeparam_stringable_main_StringableList[typeparam_stringable_main_myint]{typeparam_stringable_main_myint(1), typeparam_stringable_main_myint(2)}

	rt.Sleep(0)
	if got, want := v.String(), "1, 2"; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %s, want %s", got, want))
	}
}

// async
func typeparam_stringable_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_stringable_main_main()
	rt.Sleep(0)
}
