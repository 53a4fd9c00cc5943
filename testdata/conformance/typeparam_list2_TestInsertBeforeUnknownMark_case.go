// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/list2.go (go1.26.8), case TestInsertBeforeUnknownMark, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

// _Element is an element of a linked list.
type typeparam_list2_TestInsertBeforeUnknownMark__Element[T any] struct {
	// Next and previous pointers in the doubly-linked list of elements.
	// To simplify the implementation, internally a list l is implemented
	// as a ring, such that &l.root is both the next element of the last
	// list element (l.Back()) and the previous element of the first list
	// element (l.Front()).
	next, prev *typeparam_list2_TestInsertBeforeUnknownMark__Element[T]

	// The list to which this element belongs.
	list *typeparam_list2_TestInsertBeforeUnknownMark__List[T]

	// The value stored with this element.
	Value T
}

// Next returns the next list element or nil.
// async
func (e *typeparam_list2_TestInsertBeforeUnknownMark__Element[T]) Next() *typeparam_list2_TestInsertBeforeUnknownMark__Element[T] {
	rt.Sleep(0)
	if p := e.next; conformAwait(e.list != nil && p != &e.list.root) {
		rt.Sleep(0)
		return p
	}
	rt.Sleep(0)
	return nil
}

// Prev returns the previous list element or nil.
// async
func (e *typeparam_list2_TestInsertBeforeUnknownMark__Element[T]) Prev() *typeparam_list2_TestInsertBeforeUnknownMark__Element[T] {
	rt.Sleep(0)
	if p := e.prev; conformAwait(e.list != nil && p != &e.list.root) {
		rt.Sleep(0)
		return p
	}
	rt.Sleep(0)
	return nil
}

// _List represents a doubly linked list.
// The zero value for _List is an empty list ready to use.
type typeparam_list2_TestInsertBeforeUnknownMark__List[T any] struct {
	root typeparam_list2_TestInsertBeforeUnknownMark__Element[T] // sentinel list element, only &root, root.prev, and root.next are used
	len  int                                                     // current list length excluding (this) sentinel element
}

// Init initializes or clears list l.
// async
func (l *typeparam_list2_TestInsertBeforeUnknownMark__List[T]) Init() *typeparam_list2_TestInsertBeforeUnknownMark__List[T] {
	rt.Sleep(0)
	l.root.next = &l.root
	rt.Sleep(0)
	l.root.prev = &l.root
	rt.Sleep(0)
	l.len = 0
	rt.Sleep(0)
	return l
}

// Len returns the number of elements of list l.
// The complexity is O(1).
// async
func (l *typeparam_list2_TestInsertBeforeUnknownMark__List[_]) Len() int { rt.Sleep(0); return l.len }

// Front returns the first element of list l or nil if the list is empty.
// async
func (l *typeparam_list2_TestInsertBeforeUnknownMark__List[T]) Front() *typeparam_list2_TestInsertBeforeUnknownMark__Element[T] {
	rt.Sleep(0)
	if conformAwait(l.len == 0) {
		rt.Sleep(0)
		return nil
	}
	rt.Sleep(0)
	return l.root.next
}

// Back returns the last element of list l or nil if the list is empty.
// async
func (l *typeparam_list2_TestInsertBeforeUnknownMark__List[T]) Back() *typeparam_list2_TestInsertBeforeUnknownMark__Element[T] {
	rt.Sleep(0)
	if conformAwait(l.len == 0) {
		rt.Sleep(0)
		return nil
	}
	rt.Sleep(0)
	return l.root.prev
}

// lazyInit lazily initializes a zero _List value.
// async
func (l *typeparam_list2_TestInsertBeforeUnknownMark__List[_]) lazyInit() {
	rt.Sleep(0)
	if conformAwait(l.root.next == nil) {
		rt.Sleep(0)
		l.Init()
		rt.Sleep(0)
	}
}

// insert inserts e after at, increments l.len, and returns e.
// async
func (l *typeparam_list2_TestInsertBeforeUnknownMark__List[T]) insert(e, at *typeparam_list2_TestInsertBeforeUnknownMark__Element[T]) *typeparam_list2_TestInsertBeforeUnknownMark__Element[T] {
	rt.Sleep(0)
	e.prev = at
	rt.Sleep(0)
	e.next = at.next
	rt.Sleep(0)
	e.prev.next = e
	rt.Sleep(0)
	e.next.prev = e
	rt.Sleep(0)
	e.list = l
	rt.Sleep(0)
	l.len++
	rt.Sleep(0)
	return e
}

// insertValue is a convenience wrapper for insert(&_Element[T]{Value: v}, at).
// async
func (l *typeparam_list2_TestInsertBeforeUnknownMark__List[T]) insertValue(v T, at *typeparam_list2_TestInsertBeforeUnknownMark__Element[T]) *typeparam_list2_TestInsertBeforeUnknownMark__Element[T] {
	rt.Sleep(0)
	return l.insert(&typeparam_list2_TestInsertBeforeUnknownMark__Element[T]{Value: v}, at)
}

// remove removes e from its list, decrements l.len, and returns e.
// async
func (l *typeparam_list2_TestInsertBeforeUnknownMark__List[T]) remove(e *typeparam_list2_TestInsertBeforeUnknownMark__Element[T]) *typeparam_list2_TestInsertBeforeUnknownMark__Element[T] {
	rt.Sleep(0)
	e.prev.next = e.next
	rt.Sleep(0)
	e.next.prev = e.prev
	rt.Sleep(0)
	e.next = nil // avoid memory leaks
	rt.Sleep(0)
	e.prev = nil // avoid memory leaks
	rt.Sleep(0)
	e.list = nil
	rt.Sleep(0)
	l.len--
	rt.Sleep(0)
	return e
}

// move moves e to next to at and returns e.
// async
func (l *typeparam_list2_TestInsertBeforeUnknownMark__List[T]) move(e, at *typeparam_list2_TestInsertBeforeUnknownMark__Element[T]) *typeparam_list2_TestInsertBeforeUnknownMark__Element[T] {
	rt.Sleep(0)
	if conformAwait(e == at) {
		rt.Sleep(0)
		return e
	}
	rt.Sleep(0)
	e.prev.next = e.next
	rt.Sleep(0)
	e.next.prev = e.prev

	rt.Sleep(0)
	e.prev = at
	rt.Sleep(0)
	e.next = at.next
	rt.Sleep(0)
	e.prev.next = e
	rt.Sleep(0)
	e.next.prev = e

	rt.Sleep(0)
	return e
}

// Remove removes e from l if e is an element of list l.
// It returns the element value e.Value.
// The element must not be nil.
// async
func (l *typeparam_list2_TestInsertBeforeUnknownMark__List[T]) Remove(e *typeparam_list2_TestInsertBeforeUnknownMark__Element[T]) T {
	rt.Sleep(0)
	if conformAwait(e.list == l) {
		// if e.list == l, l must have been initialized when e was inserted
		// in l or l == nil (e is a zero _Element) and l.remove will crash
		rt.Sleep(0)
		l.remove(e)
		rt.Sleep(0)
	}
	rt.Sleep(0)
	return e.Value
}

// PushFront inserts a new element e with value v at the front of list l and returns e.
// async
func (l *typeparam_list2_TestInsertBeforeUnknownMark__List[T]) PushFront(v T) *typeparam_list2_TestInsertBeforeUnknownMark__Element[T] {
	rt.Sleep(0)
	l.lazyInit()
	rt.Sleep(0)
	return l.insertValue(v, &l.root)
}

// PushBack inserts a new element e with value v at the back of list l and returns e.
// async
func (l *typeparam_list2_TestInsertBeforeUnknownMark__List[T]) PushBack(v T) *typeparam_list2_TestInsertBeforeUnknownMark__Element[T] {
	rt.Sleep(0)
	l.lazyInit()
	rt.Sleep(0)
	return l.insertValue(v, l.root.prev)
}

// InsertBefore inserts a new element e with value v immediately before mark and returns e.
// If mark is not an element of l, the list is not modified.
// The mark must not be nil.
// async
func (l *typeparam_list2_TestInsertBeforeUnknownMark__List[T]) InsertBefore(v T, mark *typeparam_list2_TestInsertBeforeUnknownMark__Element[T]) *typeparam_list2_TestInsertBeforeUnknownMark__Element[T] {
	rt.Sleep(0)
	if conformAwait(mark.list != l) {
		rt.Sleep(0)
		return nil
	}
	// see comment in _List.Remove about initialization of l
	rt.Sleep(0)
	return l.insertValue(v, mark.prev)
}

// InsertAfter inserts a new element e with value v immediately after mark and returns e.
// If mark is not an element of l, the list is not modified.
// The mark must not be nil.
// async
func (l *typeparam_list2_TestInsertBeforeUnknownMark__List[T]) InsertAfter(v T, mark *typeparam_list2_TestInsertBeforeUnknownMark__Element[T]) *typeparam_list2_TestInsertBeforeUnknownMark__Element[T] {
	rt.Sleep(0)
	if conformAwait(mark.list != l) {
		rt.Sleep(0)
		return nil
	}
	// see comment in _List.Remove about initialization of l
	rt.Sleep(0)
	return l.insertValue(v, mark)
}

// MoveToFront moves element e to the front of list l.
// If e is not an element of l, the list is not modified.
// The element must not be nil.
// async
func (l *typeparam_list2_TestInsertBeforeUnknownMark__List[T]) MoveToFront(e *typeparam_list2_TestInsertBeforeUnknownMark__Element[T]) {
	rt.Sleep(0)
	if conformAwait(e.list != l || l.root.next == e) {
		rt.Sleep(0)
		return
	}
	// see comment in _List.Remove about initialization of l
	rt.Sleep(0)
	l.move(e, &l.root)
	rt.Sleep(0)
}

// MoveToBack moves element e to the back of list l.
// If e is not an element of l, the list is not modified.
// The element must not be nil.
// async
func (l *typeparam_list2_TestInsertBeforeUnknownMark__List[T]) MoveToBack(e *typeparam_list2_TestInsertBeforeUnknownMark__Element[T]) {
	rt.Sleep(0)
	if conformAwait(e.list != l || l.root.prev == e) {
		rt.Sleep(0)
		return
	}
	// see comment in _List.Remove about initialization of l
	rt.Sleep(0)
	l.move(e, l.root.prev)
	rt.Sleep(0)
}

// MoveBefore moves element e to its new position before mark.
// If e or mark is not an element of l, or e == mark, the list is not modified.
// The element and mark must not be nil.
// async
func (l *typeparam_list2_TestInsertBeforeUnknownMark__List[T]) MoveBefore(e, mark *typeparam_list2_TestInsertBeforeUnknownMark__Element[T]) {
	rt.Sleep(0)
	if conformAwait(e.list != l || e == mark || mark.list != l) {
		rt.Sleep(0)
		return
	}
	rt.Sleep(0)
	l.move(e, mark.prev)
	rt.Sleep(0)
}

// MoveAfter moves element e to its new position after mark.
// If e or mark is not an element of l, or e == mark, the list is not modified.
// The element and mark must not be nil.
// async
func (l *typeparam_list2_TestInsertBeforeUnknownMark__List[T]) MoveAfter(e, mark *typeparam_list2_TestInsertBeforeUnknownMark__Element[T]) {
	rt.Sleep(0)
	if conformAwait(e.list != l || e == mark || mark.list != l) {
		rt.Sleep(0)
		return
	}
	rt.Sleep(0)
	l.move(e, mark)
	rt.Sleep(0)
}

// PushBackList inserts a copy of an other list at the back of list l.
// The lists l and other may be the same. They must not be nil.
// async
func (l *typeparam_list2_TestInsertBeforeUnknownMark__List[T]) PushBackList(other *typeparam_list2_TestInsertBeforeUnknownMark__List[T]) {
	rt.Sleep(0)
	l.lazyInit()
	rt.Sleep(0)
	for i, e := other.Len(), other.Front(); conformAwait(i > 0); i, e = i-1, e.Next() {
		rt.Sleep(0)
		l.insertValue(e.Value, l.root.prev)
		rt.Sleep(0)
	}
}

// PushFrontList inserts a copy of an other list at the front of list l.
// The lists l and other may be the same. They must not be nil.
// async
func (l *typeparam_list2_TestInsertBeforeUnknownMark__List[T]) PushFrontList(other *typeparam_list2_TestInsertBeforeUnknownMark__List[T]) {
	rt.Sleep(0)
	l.lazyInit()
	rt.Sleep(0)
	for i, e := other.Len(), other.Back(); conformAwait(i > 0); i, e = i-1, e.Prev() {
		rt.Sleep(0)
		l.insertValue(e.Value, &l.root)
		rt.Sleep(0)
	}
}

// async
func typeparam_list2_TestInsertBeforeUnknownMark_checkListLen[T any](l *typeparam_list2_TestInsertBeforeUnknownMark__List[T], len int) bool {
	rt.Sleep(0)
	if n := l.Len(); conformAwait(n != len) {
		rt.Sleep(0)
		panic(fmt.Sprintf("l.Len() = %d, want %d", n, len))
		rt.Sleep(0)
		return false
	}
	rt.Sleep(0)
	return true
}

// async
func typeparam_list2_TestInsertBeforeUnknownMark_checkList[T comparable](l *typeparam_list2_TestInsertBeforeUnknownMark__List[T], es []interface{}) {
	rt.Sleep(0)
	if conformAwait(!typeparam_list2_TestInsertBeforeUnknownMark_checkListLen(l, len(es))) {
		rt.Sleep(0)
		return
	}

	rt.Sleep(0)
	i := 0
	rt.Sleep(0)
	for e := l.Front(); conformAwait(e != nil); e = e.Next() {
		rt.Sleep(0)
		le := e.Value
		// Comparison between a generically-typed variable le and an interface.
		rt.Sleep(0)
		if conformAwait(le != es[i]) {
			rt.Sleep(0)
			panic(fmt.Sprintf("elt[%d].Value = %v, want %v", i, le, es[i]))
		}
		rt.Sleep(0)
		i++
		rt.Sleep(0)
	}
}

// Test that a list l is not modified when calling InsertBefore with a mark that is not an element of l.
// async
func typeparam_list2_TestInsertBeforeUnknownMark_TestInsertBeforeUnknownMark() {
	rt.Sleep(0)
	var l typeparam_list2_TestInsertBeforeUnknownMark__List[int]
	rt.Sleep(0)
	l.PushBack(1)
	rt.Sleep(0)
	l.PushBack(2)
	rt.Sleep(0)
	l.PushBack(3)
	rt.Sleep(0)
	l.InsertBefore(1, new(typeparam_list2_TestInsertBeforeUnknownMark__Element[int]))
	rt.Sleep(0)
	typeparam_list2_TestInsertBeforeUnknownMark_checkList(&l, []interface{}{1, 2, 3})
	rt.Sleep(0)
}

// async
func typeparam_list2_TestInsertBeforeUnknownMark__run(t *conformT) {
	rt.Sleep(0)
	typeparam_list2_TestInsertBeforeUnknownMark_TestInsertBeforeUnknownMark()
	rt.Sleep(0)
}
