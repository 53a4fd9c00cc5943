// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/boundmethod.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"reflect"
	"strconv"
)

type typeparam_boundmethod_main_myint int

// async
//
//go:noinline
func (m typeparam_boundmethod_main_myint) String() string {
	rt.Sleep(0)
	return strconv.Itoa(int(m))
}

type typeparam_boundmethod_main_Stringer interface {
	String() string
}

// async
func typeparam_boundmethod_main_stringify[T typeparam_boundmethod_main_Stringer](s []T) (ret []string) {
	rt.Sleep(0)
	for _, v := range s {
		// Test normal bounds method call on type param
		rt.Sleep(0)
		x1 := v.String()

		// Test converting type param to its bound interface first
		rt.Sleep(0)
		v1 := typeparam_boundmethod_main_Stringer(v)
		rt.Sleep(0)
		x2 := v1.String()

		// Test method expression with type param type
		rt.Sleep(0)
		f1 := T.String
		rt.Sleep(0)
		x3 := f1(v)

		// Test creating and calling closure equivalent to the method expression
		rt.Sleep(0)
		f2 := func(v1 T) string {
			return typeparam_boundmethod_main_Stringer(v1).String()
		}
		rt.Sleep(0)
		x4 := f2(v)

		rt.Sleep(0)
		if conformAwait(x1 != x2 || x2 != x3 || x3 != x4) {
			rt.Sleep(0)
			panic(fmt.Sprintf("Mismatched values %v, %v, %v, %v\n", x1, x2, x3, x4))
		}

		rt.Sleep(0)
		ret = append(ret, v.String())
		rt.Sleep(0)
	}
	rt.Sleep(0)
	return ret
}

type typeparam_boundmethod_main_Ints interface {
	~int32 | ~int
}

type typeparam_boundmethod_main_StringStruct[T typeparam_boundmethod_main_Ints] struct {
	f T
}

// async
func (m typeparam_boundmethod_main_StringStruct[T]) String() string {
	rt.Sleep(0)
	return strconv.Itoa(int(m.f))
}

// async
func typeparam_boundmethod_main_main() {
	rt.Sleep(0)
	x := []typeparam_boundmethod_main_myint{typeparam_boundmethod_main_myint(1), typeparam_boundmethod_main_myint(2), typeparam_boundmethod_main_myint(3)}

	// stringify on a normal type, whose bound method is associated with the base type.
	rt.Sleep(0)
	got := typeparam_boundmethod_main_stringify(x)
	rt.Sleep(0)
	want := []string{"1", "2", "3"}
	rt.Sleep(0)
	if conformAwait(!reflect.DeepEqual(got, want)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %s, want %s", got, want))
	}

	// For now, a lone type parameter is not permitted as RHS in a type declaration (issue #45639).
	// x2 := []StringInt[myint]{StringInt[myint](5), StringInt[myint](7), StringInt[myint](6)}
	//
	// // stringify on an instantiated type, whose bound method is associated with
	// // the generic type StringInt[T], which maps directly to T.
	// got2 := stringify(x2)
	// want2 := []string{"5", "7", "6"}
	// if !reflect.DeepEqual(got2, want2) {
	// 	panic(fmt.Sprintf("got %s, want %s", got2, want2))
	// }

	// stringify on an instantiated type, whose bound method is associated with
	// the generic type StringStruct[T], which maps to a struct containing T.
	rt.Sleep(0)
	x3 := []typeparam_boundmethod_main_StringStruct[typeparam_boundmethod_main_myint]{typeparam_boundmethod_main_StringStruct[typeparam_boundmethod_main_myint]{f: 11}, typeparam_boundmethod_main_StringStruct[typeparam_boundmethod_main_myint]{f: 10}, typeparam_boundmethod_main_StringStruct[typeparam_boundmethod_main_myint]{f: 9}}

	rt.Sleep(0)
	got3 := typeparam_boundmethod_main_stringify(x3)
	rt.Sleep(0)
	want3 := []string{"11", "10", "9"}
	rt.Sleep(0)
	if conformAwait(!reflect.DeepEqual(got3, want3)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %s, want %s", got3, want3))
	}
}

// async
func typeparam_boundmethod_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_boundmethod_main_main()
	rt.Sleep(0)
}
