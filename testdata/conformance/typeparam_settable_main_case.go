// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/settable.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"strconv"
)

type typeparam_settable_main_Setter[B any] interface {
	Set(string)
	*B
}

// Takes two type parameters where PT = *T
// async
func typeparam_settable_main_fromStrings1[T any, PT typeparam_settable_main_Setter[T]](s []string) []T {
	rt.Sleep(0)
	result := make([]T, len(s))
	rt.Sleep(0)
	for i, v := range s {
		// The type of &result[i] is *T which is in the type list
		// of Setter, so we can convert it to PT.
		rt.Sleep(0)
		p := PT(&result[i])
		// PT has a Set method.
		rt.Sleep(0)
		p.Set(v)
		rt.Sleep(0)
	}
	rt.Sleep(0)
	return result
}

// async
func typeparam_settable_main_fromStrings1a[T any, PT typeparam_settable_main_Setter[T]](s []string) []PT {
	rt.Sleep(0)
	result := make([]PT, len(s))
	rt.Sleep(0)
	for i, v := range s {
		// The type new(T) is *T which is in the type list
		// of Setter, so we can convert it to PT.
		rt.Sleep(0)
		result[i] = PT(new(T))
		rt.Sleep(0)
		p := result[i]
		// PT has a Set method.
		rt.Sleep(0)
		p.Set(v)
		rt.Sleep(0)
	}
	rt.Sleep(0)
	return result
}

// Takes one type parameter and a set function
// async
func typeparam_settable_main_fromStrings2[T any](s []string, set func(*T, string)) []T {
	rt.Sleep(0)
	results := make([]T, len(s))
	rt.Sleep(0)
	for i, v := range s {
		rt.Sleep(0)
		set(&results[i], v)
		rt.Sleep(0)
	}
	rt.Sleep(0)
	return results
}

type typeparam_settable_main_Setter2 interface {
	Set(string)
}

// Takes only one type parameter, but causes a panic (see below)
// async
func typeparam_settable_main_fromStrings3[T typeparam_settable_main_Setter2](s []string) []T {
	rt.Sleep(0)
	results := make([]T, len(s))
	rt.Sleep(0)
	for i, v := range s {
		// Panics if T is a pointer type because receiver is T(nil).
		rt.Sleep(0)
		results[i].Set(v)
		rt.Sleep(0)
	}
	rt.Sleep(0)
	return results
}

type typeparam_settable_main_SettableInt int

func (p *typeparam_settable_main_SettableInt) Set(s string) {
	i, err := strconv.Atoi(s)
	if err != nil {
		panic(err)
	}
	*p = typeparam_settable_main_SettableInt(i)
}

type typeparam_settable_main_SettableString struct {
	s string
}

// async
func (x *typeparam_settable_main_SettableString) Set(s string) {
	rt.Sleep(0)
	x.s = s
	rt.Sleep(0)
}

// async
func typeparam_settable_main_main() {
	rt.Sleep(0)
	s := typeparam_settable_main_fromStrings1[typeparam_settable_main_SettableInt, *typeparam_settable_main_SettableInt]([]string{"1"})
	rt.Sleep(0)
	if conformAwait(len(s) != 1 || s[0] != 1) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %v, want %v", s, []int{1}))
	}

	rt.Sleep(0)
	s2 := typeparam_settable_main_fromStrings1a[typeparam_settable_main_SettableInt, *typeparam_settable_main_SettableInt]([]string{"1"})
	rt.Sleep(0)
	if conformAwait(len(s2) != 1 || *s2[0] != 1) {
		rt.Sleep(0)
		x := 1
		rt.Sleep(0)
		panic(fmt.Sprintf("got %v, want %v", s2, []*int{&x}))
	}

	// Test out constraint type inference, which should determine that the second
	// type param is *SettableString.
	rt.Sleep(0)
	ps := typeparam_settable_main_fromStrings1[typeparam_settable_main_SettableString]([]string{"x", "y"})
	rt.Sleep(0)
	if conformAwait(len(ps) != 2 || ps[0] != (typeparam_settable_main_SettableString{"x"}) || ps[1] != (typeparam_settable_main_SettableString{"y"})) {
		rt.Sleep(0)
		panic(s)
	}

	rt.Sleep(0)
	s = typeparam_settable_main_fromStrings2([]string{"1"}, func(p *typeparam_settable_main_SettableInt, s string) { p.Set(s) })
	rt.Sleep(0)
	if conformAwait(len(s) != 1 || s[0] != 1) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %v, want %v", s, []int{1}))
	}

	rt.Sleep(0)
	defer func() {
		if recover() == nil {
			panic("did not panic as expected")
		}
	}()
	// This should type check but should panic at run time,
	// because it will make a slice of *SettableInt and then call
	// Set on a nil value.
	rt.Sleep(0)
	typeparam_settable_main_fromStrings3[*typeparam_settable_main_SettableInt]([]string{"1"})
	rt.Sleep(0)
}

// async
func typeparam_settable_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_settable_main_main()
	rt.Sleep(0)
}
