// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/cons.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

// Overriding the predeclare "any", so it can be used as a type constraint or a type
// argument
type typeparam_cons_main_any interface{}

type typeparam_cons_main_Function[a, b typeparam_cons_main_any] interface {
	Apply(x a) b
}

type typeparam_cons_main_incr struct{ n int }

// async
func (this typeparam_cons_main_incr) Apply(x int) int {
	rt.Sleep(0)
	return x + this.n
}

type typeparam_cons_main_pos struct{}

// async
func (this typeparam_cons_main_pos) Apply(x int) bool {
	rt.Sleep(0)
	return x > 0
}

type typeparam_cons_main_List[a typeparam_cons_main_any] interface {
	Match(casenil typeparam_cons_main_Function[typeparam_cons_main_Nil[a], typeparam_cons_main_any], casecons typeparam_cons_main_Function[typeparam_cons_main_Cons[a], typeparam_cons_main_any]) typeparam_cons_main_any
}

type typeparam_cons_main_Nil[a typeparam_cons_main_any] struct {
}

// async
func (xs typeparam_cons_main_Nil[a]) Match(casenil typeparam_cons_main_Function[typeparam_cons_main_Nil[a], typeparam_cons_main_any], casecons typeparam_cons_main_Function[typeparam_cons_main_Cons[a], typeparam_cons_main_any]) typeparam_cons_main_any {
	rt.Sleep(0)
	return casenil.Apply(xs)
}

type typeparam_cons_main_Cons[a typeparam_cons_main_any] struct {
	Head a
	Tail typeparam_cons_main_List[a]
}

// async
func (xs typeparam_cons_main_Cons[a]) Match(casenil typeparam_cons_main_Function[typeparam_cons_main_Nil[a], typeparam_cons_main_any], casecons typeparam_cons_main_Function[typeparam_cons_main_Cons[a], typeparam_cons_main_any]) typeparam_cons_main_any {
	rt.Sleep(0)
	return casecons.Apply(xs)
}

type typeparam_cons_main_mapNil[a, b typeparam_cons_main_any] struct {
}

// async
func (m typeparam_cons_main_mapNil[a, b]) Apply(_ typeparam_cons_main_Nil[a]) typeparam_cons_main_any {
	rt.Sleep(0)
	return typeparam_cons_main_Nil[b]{}
}

type typeparam_cons_main_mapCons[a, b typeparam_cons_main_any] struct {
	f typeparam_cons_main_Function[a, b]
}

// async
func (m typeparam_cons_main_mapCons[a, b]) Apply(xs typeparam_cons_main_Cons[a]) typeparam_cons_main_any {
	rt.Sleep(0)
	return typeparam_cons_main_Cons[b]{m.f.Apply(xs.Head), typeparam_cons_main_Map[a, b](m.f, xs.Tail)}
}

// async
func typeparam_cons_main_Map[a, b typeparam_cons_main_any](f typeparam_cons_main_Function[a, b], xs typeparam_cons_main_List[a]) typeparam_cons_main_List[b] {
	rt.Sleep(0)
	return xs.Match(typeparam_cons_main_mapNil[a, b]{}, typeparam_cons_main_mapCons[a, b]{f}).(typeparam_cons_main_List[b])
}

// async
func typeparam_cons_main_main() {
	rt.Sleep(0)
	var xs typeparam_cons_main_List[int] = typeparam_cons_main_Cons[int]{3, typeparam_cons_main_Cons[int]{6, typeparam_cons_main_Nil[int]{}}}
	rt.Sleep(0)
	var ys typeparam_cons_main_List[int] = typeparam_cons_main_Map[int, int](typeparam_cons_main_incr{-5}, xs)
	rt.Sleep(0)
	var xz typeparam_cons_main_List[bool] = typeparam_cons_main_Map[int, bool](typeparam_cons_main_pos{}, ys)
	rt.Sleep(0)
	cs1 := xz.(typeparam_cons_main_Cons[bool])
	rt.Sleep(0)
	cs2 := cs1.Tail.(typeparam_cons_main_Cons[bool])
	rt.Sleep(0)
	_, ok := cs2.Tail.(typeparam_cons_main_Nil[bool])
	rt.Sleep(0)
	if conformAwait(cs1.Head != false || cs2.Head != true || !ok) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %v, %v, %v, expected false, true, true",
			cs1.Head, cs2.Head, ok))
	}
}

// async
func typeparam_cons_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_cons_main_main()
	rt.Sleep(0)
}
