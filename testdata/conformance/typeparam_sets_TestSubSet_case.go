// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/sets.go (go1.26.8), case TestSubSet, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

// _Equal reports whether two slices are equal: the same length and all
// elements equal. All floating point NaNs are considered equal.
// async
func typeparam_sets_TestSubSet__SliceEqual[Elem comparable](s1, s2 []Elem) bool {
	rt.Sleep(0)
	if conformAwait(len(s1) != len(s2)) {
		rt.Sleep(0)
		return false
	}
	rt.Sleep(0)
	for i, v1 := range s1 {
		rt.Sleep(0)
		v2 := s2[i]
		rt.Sleep(0)
		if conformAwait(v1 != v2) {
			rt.Sleep(0)
			isNaN := func(f Elem) bool { return f != f }
			rt.Sleep(0)
			if conformAwait(!isNaN(v1) || !isNaN(v2)) {
				rt.Sleep(0)
				return false
			}
		}
	}
	rt.Sleep(0)
	return true
}

// A _Set is a set of elements of some type.
type typeparam_sets_TestSubSet__Set[Elem comparable] struct {
	m map[Elem]struct{}
}

// _Make makes a new set.
// async
func typeparam_sets_TestSubSet__Make[Elem comparable]() typeparam_sets_TestSubSet__Set[Elem] {
	rt.Sleep(0)
	return typeparam_sets_TestSubSet__Set[Elem]{m: make(map[Elem]struct{})}
}

// Add adds an element to a set.
// async
func (s typeparam_sets_TestSubSet__Set[Elem]) Add(v Elem) {
	rt.Sleep(0)
	s.m[v] = struct{}{}
	rt.Sleep(0)
}

// Delete removes an element from a set. If the element is not present
// in the set, this does nothing.
// async
func (s typeparam_sets_TestSubSet__Set[Elem]) Delete(v Elem) {
	rt.Sleep(0)
	delete(s.m, v)
	rt.Sleep(0)
}

// Contains reports whether v is in the set.
// async
func (s typeparam_sets_TestSubSet__Set[Elem]) Contains(v Elem) bool {
	rt.Sleep(0)
	_, ok := s.m[v]
	rt.Sleep(0)
	return ok
}

// Len returns the number of elements in the set.
// async
func (s typeparam_sets_TestSubSet__Set[Elem]) Len() int {
	rt.Sleep(0)
	return len(s.m)
}

// Values returns the values in the set.
// The values will be in an indeterminate order.
// async
func (s typeparam_sets_TestSubSet__Set[Elem]) Values() []Elem {
	rt.Sleep(0)
	r := make([]Elem, 0, len(s.m))
	rt.Sleep(0)
	for v := range s.m {
		rt.Sleep(0)
		r = append(r, v)
		rt.Sleep(0)
	}
	rt.Sleep(0)
	return r
}

// Copy returns a copy of s.
// async
func (s typeparam_sets_TestSubSet__Set[Elem]) Copy() typeparam_sets_TestSubSet__Set[Elem] {
	rt.Sleep(0)
	r := typeparam_sets_TestSubSet__Set[Elem]{m: make(map[Elem]struct{}, len(s.m))}
	rt.Sleep(0)
	for v := range s.m {
		rt.Sleep(0)
		r.m[v] = struct{}{}
		rt.Sleep(0)
	}
	rt.Sleep(0)
	return r
}

// AddSet adds all the elements of s2 to s.
// async
func (s typeparam_sets_TestSubSet__Set[Elem]) AddSet(s2 typeparam_sets_TestSubSet__Set[Elem]) {
	rt.Sleep(0)
	for v := range s2.m {
		rt.Sleep(0)
		s.m[v] = struct{}{}
		rt.Sleep(0)
	}
}

// SubSet removes all elements in s2 from s.
// Values in s2 that are not in s are ignored.
// async
func (s typeparam_sets_TestSubSet__Set[Elem]) SubSet(s2 typeparam_sets_TestSubSet__Set[Elem]) {
	rt.Sleep(0)
	for v := range s2.m {
		rt.Sleep(0)
		delete(s.m, v)
		rt.Sleep(0)
	}
}

// Intersect removes all elements from s that are not present in s2.
// Values in s2 that are not in s are ignored.
// async
func (s typeparam_sets_TestSubSet__Set[Elem]) Intersect(s2 typeparam_sets_TestSubSet__Set[Elem]) {
	rt.Sleep(0)
	for v := range s.m {
		rt.Sleep(0)
		if conformAwait(!s2.Contains(v)) {
			rt.Sleep(0)
			delete(s.m, v)
			rt.Sleep(0)
		}
	}
}

// Iterate calls f on every element in the set.
// async
func (s typeparam_sets_TestSubSet__Set[Elem]) Iterate(f func(Elem)) {
	rt.Sleep(0)
	for v := range s.m {
		rt.Sleep(0)
		f(v)
		rt.Sleep(0)
	}
}

// Filter deletes any elements from s for which f returns false.
// async
func (s typeparam_sets_TestSubSet__Set[Elem]) Filter(f func(Elem) bool) {
	rt.Sleep(0)
	for v := range s.m {
		rt.Sleep(0)
		if conformAwait(!f(v)) {
			rt.Sleep(0)
			delete(s.m, v)
			rt.Sleep(0)
		}
	}
}

// async
func typeparam_sets_TestSubSet_TestSubSet() {
	rt.Sleep(0)
	s1 := typeparam_sets_TestSubSet__Make[int]()
	rt.Sleep(0)
	s1.Add(1)
	rt.Sleep(0)
	s1.Add(2)
	rt.Sleep(0)
	s2 := typeparam_sets_TestSubSet__Make[int]()
	rt.Sleep(0)
	s2.Add(2)
	rt.Sleep(0)
	s2.Add(3)
	rt.Sleep(0)
	s1.SubSet(s2)
	rt.Sleep(0)
	if got := s1.Len(); conformAwait(got != 1) {
		rt.Sleep(0)
		panic(fmt.Sprintf("(%v).Len() == %d, want 1", s1, got))
	}
	rt.Sleep(0)
	if vals, want := s1.Values(), []int{1}; conformAwait(!typeparam_sets_TestSubSet__SliceEqual(vals, want)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("after SubSet got %v, want %v", vals, want))
	}
}

// async
func typeparam_sets_TestSubSet__run(t *conformT) {
	rt.Sleep(0)
	typeparam_sets_TestSubSet_TestSubSet()
	rt.Sleep(0)
}
