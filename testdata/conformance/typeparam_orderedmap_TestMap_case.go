// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/orderedmap.go (go1.26.8), case TestMap, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"bytes"
	"context"
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"runtime"
)

// _Map is an ordered map.
type typeparam_orderedmap_TestMap__Map[K, V any] struct {
	root    *typeparam_orderedmap_TestMap_node[K, V]
	compare func(K, K) int
}

// node is the type of a node in the binary tree.
type typeparam_orderedmap_TestMap_node[K, V any] struct {
	key         K
	val         V
	left, right *typeparam_orderedmap_TestMap_node[K, V]
}

// _New returns a new map. It takes a comparison function that compares two
// keys and returns < 0 if the first is less, == 0 if they are equal,
// > 0 if the first is greater.
// async
func typeparam_orderedmap_TestMap__New[K, V any](compare func(K, K) int) *typeparam_orderedmap_TestMap__Map[K, V] {
	rt.Sleep(0)
	return &typeparam_orderedmap_TestMap__Map[K, V]{compare: compare}
}

// find looks up key in the map, returning either a pointer to the slot of the
// node holding key, or a pointer to the slot where should a node would go.
// async
func (m *typeparam_orderedmap_TestMap__Map[K, V]) find(key K) **typeparam_orderedmap_TestMap_node[K, V] {
	rt.Sleep(0)
	pn := &m.root
	rt.Sleep(0)
	for conformAwait(*pn != nil) {
		rt.Sleep(0)
		switch cmp := m.compare(key, (*pn).key); {
		case cmp < 0:
			rt.Sleep(0)
			pn = &(*pn).left
			rt.Sleep(0)
		case cmp > 0:
			rt.Sleep(0)
			pn = &(*pn).right
			rt.Sleep(0)
		default:
			rt.Sleep(0)
			return pn
		}
	}
	rt.Sleep(0)
	return pn
}

// Insert inserts a new key/value into the map.
// If the key is already present, the value is replaced.
// Reports whether this is a new key.
// async
func (m *typeparam_orderedmap_TestMap__Map[K, V]) Insert(key K, val V) bool {
	rt.Sleep(0)
	pn := m.find(key)
	rt.Sleep(0)
	if conformAwait(*pn != nil) {
		rt.Sleep(0)
		(*pn).val = val
		rt.Sleep(0)
		return false
	}
	rt.Sleep(0)
	*pn = &typeparam_orderedmap_TestMap_node[K, V]{key: key, val: val}
	rt.Sleep(0)
	return true
}

// Find returns the value associated with a key, or the zero value
// if not present. The found result reports whether the key was found.
// async
func (m *typeparam_orderedmap_TestMap__Map[K, V]) Find(key K) (V, bool) {
	rt.Sleep(0)
	pn := m.find(key)
	rt.Sleep(0)
	if conformAwait(*pn == nil) {
		rt.Sleep(0)
		var zero V
		rt.Sleep(0)
		return zero, false
	}
	rt.Sleep(0)
	return (*pn).val, true
}

// keyValue is a pair of key and value used while iterating.
type typeparam_orderedmap_TestMap_keyValue[K, V any] struct {
	key K
	val V
}

// iterate returns an iterator that traverses the map.
// async
func (m *typeparam_orderedmap_TestMap__Map[K, V]) Iterate() *typeparam_orderedmap_TestMap__Iterator[K, V] {
	rt.Sleep(0)
	sender, receiver := typeparam_orderedmap_TestMap__Ranger[typeparam_orderedmap_TestMap_keyValue[K, V]]()
	rt.Sleep(0)
	var f func(*typeparam_orderedmap_TestMap_node[K, V]) bool
	rt.Sleep(0)
	f = func(n *typeparam_orderedmap_TestMap_node[K, V]) bool {
		if n == nil {
			return true
		}
		// Stop the traversal if Send fails, which means that
		// nothing is listening to the receiver.
		return f(n.left) &&
			sender.Send(context.Background(), typeparam_orderedmap_TestMap_keyValue[K, V]{n.key, n.val}) &&
			f(n.right)
	}
	rt.Sleep(0)
	go func() {
		f(m.root)
		sender.Close()
	}()
	rt.Sleep(0)
	return &typeparam_orderedmap_TestMap__Iterator[K, V]{receiver}
}

// _Iterator is used to iterate over the map.
type typeparam_orderedmap_TestMap__Iterator[K, V any] struct {
	r *typeparam_orderedmap_TestMap__Receiver[typeparam_orderedmap_TestMap_keyValue[K, V]]
}

// Next returns the next key and value pair, and a boolean that reports
// whether they are valid. If not valid, we have reached the end of the map.
func (it *typeparam_orderedmap_TestMap__Iterator[K, V]) Next() (K, V, bool) {
	keyval, ok := it.r.Next(context.Background())
	if !ok {
		var zerok K
		var zerov V
		return zerok, zerov, false
	}
	return keyval.key, keyval.val, true
}

// async
func typeparam_orderedmap_TestMap_TestMap() {
	rt.Sleep(0)
	m := typeparam_orderedmap_TestMap__New[[]byte, int](bytes.Compare)

	rt.Sleep(0)
	if _, found := m.Find([]byte("a")); conformAwait(found) {
		rt.Sleep(0)
		panic(fmt.Sprintf("unexpectedly found %q in empty map", []byte("a")))
	}
	rt.Sleep(0)
	if conformAwait(!m.Insert([]byte("a"), 'a')) {
		rt.Sleep(0)
		panic(fmt.Sprintf("key %q unexpectedly already present", []byte("a")))
	}
	rt.Sleep(0)
	if conformAwait(!m.Insert([]byte("c"), 'c')) {
		rt.Sleep(0)
		panic(fmt.Sprintf("key %q unexpectedly already present", []byte("c")))
	}
	rt.Sleep(0)
	if conformAwait(!m.Insert([]byte("b"), 'b')) {
		rt.Sleep(0)
		panic(fmt.Sprintf("key %q unexpectedly already present", []byte("b")))
	}
	rt.Sleep(0)
	if conformAwait(m.Insert([]byte("c"), 'x')) {
		rt.Sleep(0)
		panic(fmt.Sprintf("key %q unexpectedly not present", []byte("c")))
	}

	rt.Sleep(0)
	if v, found := m.Find([]byte("a")); conformAwait(!found) {
		rt.Sleep(0)
		panic(fmt.Sprintf("did not find %q", []byte("a")))
	} else if conformAwait(v != 'a') {
		rt.Sleep(0)
		panic(fmt.Sprintf("key %q returned wrong value %c, expected %c", []byte("a"), v, 'a'))
	}
	rt.Sleep(0)
	if v, found := m.Find([]byte("c")); conformAwait(!found) {
		rt.Sleep(0)
		panic(fmt.Sprintf("did not find %q", []byte("c")))
	} else if conformAwait(v != 'x') {
		rt.Sleep(0)
		panic(fmt.Sprintf("key %q returned wrong value %c, expected %c", []byte("c"), v, 'x'))
	}

	rt.Sleep(0)
	if _, found := m.Find([]byte("d")); conformAwait(found) {
		rt.Sleep(0)
		panic(fmt.Sprintf("unexpectedly found %q", []byte("d")))
	}

	rt.Sleep(0)
	gather := func(it *typeparam_orderedmap_TestMap__Iterator[[]byte, int]) []int {
		var r []int
		for {
			_, v, ok := it.Next()
			if !ok {
				return r
			}
			r = append(r, v)
		}
	}
	rt.Sleep(0)
	got := gather(m.Iterate())
	rt.Sleep(0)
	want := []int{'a', 'b', 'x'}
	rt.Sleep(0)
	if conformAwait(!typeparam_orderedmap_TestMap__SliceEqual(got, want)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("Iterate returned %v, want %v", got, want))
	}
}

// _Equal reports whether two slices are equal: the same length and all
// elements equal. All floating point NaNs are considered equal.
// async
func typeparam_orderedmap_TestMap__SliceEqual[Elem comparable](s1, s2 []Elem) bool {
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

// Ranger returns a Sender and a Receiver. The Receiver provides a
// Next method to retrieve values. The Sender provides a Send method
// to send values and a Close method to stop sending values. The Next
// method indicates when the Sender has been closed, and the Send
// method indicates when the Receiver has been freed.
//
// This is a convenient way to exit a goroutine sending values when
// the receiver stops reading them.
// async
func typeparam_orderedmap_TestMap__Ranger[Elem any]() (*typeparam_orderedmap_TestMap__Sender[Elem], *typeparam_orderedmap_TestMap__Receiver[Elem]) {
	rt.Sleep(0)
	c := make(chan Elem)
	rt.Sleep(0)
	d := make(chan struct{})
	rt.Sleep(0)
	s := &typeparam_orderedmap_TestMap__Sender[Elem]{
		values: c,
		done:   d,
	}
	rt.Sleep(0)
	r := &typeparam_orderedmap_TestMap__Receiver[Elem]{
		values: c,
		done:   d,
	}
	rt.Sleep(0)
	runtime.SetFinalizer(r, (*typeparam_orderedmap_TestMap__Receiver[Elem]).finalize)
	rt.Sleep(0)
	return s, r
}

// A _Sender is used to send values to a Receiver.
type typeparam_orderedmap_TestMap__Sender[Elem any] struct {
	values chan<- Elem
	done   <-chan struct{}
}

// Send sends a value to the receiver. It reports whether the value was sent.
// The value will not be sent if the context is closed or the receiver
// is freed.
func (s *typeparam_orderedmap_TestMap__Sender[Elem]) Send(ctx context.Context, v Elem) bool {
	select {
	case <-ctx.Done():
		return false
	case s.values <- v:
		return true
	case <-s.done:
		return false
	}
}

// Close tells the receiver that no more values will arrive.
// After Close is called, the _Sender may no longer be used.
func (s *typeparam_orderedmap_TestMap__Sender[Elem]) Close() {
	close(s.values)
}

// A _Receiver receives values from a _Sender.
type typeparam_orderedmap_TestMap__Receiver[Elem any] struct {
	values <-chan Elem
	done   chan<- struct{}
}

// Next returns the next value from the channel. The bool result indicates
// whether the value is valid.
// async
func (r *typeparam_orderedmap_TestMap__Receiver[Elem]) Next(ctx context.Context) (v Elem, ok bool) {
	rt.Sleep(0)
	select {
	case <-ctx.Done():
		rt.Sleep(0)
	case v, ok = <-r.values:
		rt.Sleep(0)
	}
	rt.Sleep(0)
	return v, ok
}

// finalize is a finalizer for the receiver.
// async
func (r *typeparam_orderedmap_TestMap__Receiver[Elem]) finalize() {
	rt.Sleep(0)
	close(r.done)
	rt.Sleep(0)
}

// async
func typeparam_orderedmap_TestMap__run(t *conformT) {
	rt.Sleep(0)
	typeparam_orderedmap_TestMap_TestMap()
	rt.Sleep(0)
}
