// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/stringer.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"reflect"
	"strconv"
)

// Simple constraint
type typeparam_stringer_main_Stringer interface {
	String() string
}

// async
func typeparam_stringer_main_stringify[T typeparam_stringer_main_Stringer](s []T) (ret []string) {
	rt.Sleep(0)
	for _, v := range s {
		rt.Sleep(0)
		ret = append(ret, v.String())
		rt.Sleep(0)
	}
	rt.Sleep(0)
	return ret
}

type typeparam_stringer_main_myint int

// async
func (i typeparam_stringer_main_myint) String() string {
	rt.Sleep(0)
	return strconv.Itoa(int(i))
}

// Constraint with an embedded interface, but still only requires String()
type typeparam_stringer_main_Stringer2 interface {
	CanBeStringer2() int
	typeparam_stringer_main_SubStringer2
}

type typeparam_stringer_main_SubStringer2 interface {
	CanBeSubStringer2() int
	String() string
}

// async
func typeparam_stringer_main_stringify2[T typeparam_stringer_main_Stringer2](s []T) (ret []string) {
	rt.Sleep(0)
	for _, v := range s {
		rt.Sleep(0)
		ret = append(ret, v.String())
		rt.Sleep(0)
	}
	rt.Sleep(0)
	return ret
}

// async
func (typeparam_stringer_main_myint) CanBeStringer2() int {
	rt.Sleep(0)
	return 0
}

// async
func (typeparam_stringer_main_myint) CanBeSubStringer2() int {
	rt.Sleep(0)
	return 0
}

// Test use of method values that are not called
// async
func typeparam_stringer_main_stringify3[T typeparam_stringer_main_Stringer](s []T) (ret []string) {
	rt.Sleep(0)
	for _, v := range s {
		rt.Sleep(0)
		f := v.String
		rt.Sleep(0)
		ret = append(ret, f())
		rt.Sleep(0)
	}
	rt.Sleep(0)
	return ret
}

// async
func typeparam_stringer_main_main() {
	rt.Sleep(0)
	x := []typeparam_stringer_main_myint{typeparam_stringer_main_myint(1), typeparam_stringer_main_myint(2), typeparam_stringer_main_myint(3)}

	rt.Sleep(0)
	got := typeparam_stringer_main_stringify(x)
	rt.Sleep(0)
	want := []string{"1", "2", "3"}
	rt.Sleep(0)
	if conformAwait(!reflect.DeepEqual(got, want)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %s, want %s", got, want))
	}

	rt.Sleep(0)
	got = typeparam_stringer_main_stringify2(x)
	rt.Sleep(0)
	if conformAwait(!reflect.DeepEqual(got, want)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %s, want %s", got, want))
	}

	rt.Sleep(0)
	got = typeparam_stringer_main_stringify3(x)
	rt.Sleep(0)
	if conformAwait(!reflect.DeepEqual(got, want)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %s, want %s", got, want))
	}
}

// async
func typeparam_stringer_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_stringer_main_main()
	rt.Sleep(0)
}
