// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/chans.go (go1.26.8), case TestMerge, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"context"
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"sort"
)

// _Equal reports whether two slices are equal: the same length and all
// elements equal. All floating point NaNs are considered equal.
// async
func typeparam_chans_TestMerge__SliceEqual[Elem comparable](s1, s2 []Elem) bool {
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

// _ReadAll reads from c until the channel is closed or the context is
// canceled, returning all the values read.
// async
func typeparam_chans_TestMerge__ReadAll[Elem any](ctx context.Context, c <-chan Elem) []Elem {
	rt.Sleep(0)
	var r []Elem
	rt.Sleep(0)
	for {
		rt.Sleep(0)
		select {
		case <-ctx.Done():
			rt.Sleep(0)
			return r
		case v, ok := <-c:
			rt.Sleep(0)
			if conformAwait(!ok) {
				rt.Sleep(0)
				return r
			}
			rt.Sleep(0)
			r = append(r, v)
			rt.Sleep(0)
		}
	}
}

// _Merge merges two channels into a single channel.
// This will leave a goroutine running until either both channels are closed
// or the context is canceled, at which point the returned channel is closed.
// async
func typeparam_chans_TestMerge__Merge[Elem any](ctx context.Context, c1, c2 <-chan Elem) <-chan Elem {
	rt.Sleep(0)
	r := make(chan Elem)
	rt.Sleep(0)
	go func(ctx context.Context, c1, c2 <-chan Elem, r chan<- Elem) {
		defer close(r)
		for c1 != nil || c2 != nil {
			select {
			case <-ctx.Done():
				return
			case v1, ok := <-c1:
				if ok {
					r <- v1
				} else {
					c1 = nil
				}
			case v2, ok := <-c2:
				if ok {
					r <- v2
				} else {
					c2 = nil
				}
			}
		}
	}(ctx, c1, c2, r)
	rt.Sleep(0)
	return r
}

// async
func typeparam_chans_TestMerge_TestMerge() {
	rt.Sleep(0)
	c1 := make(chan int)
	rt.Sleep(0)
	c2 := make(chan int)
	rt.Sleep(0)
	go func() {
		c1 <- 1
		c1 <- 3
		c1 <- 5
		close(c1)
	}()
	rt.Sleep(0)
	go func() {
		c2 <- 2
		c2 <- 4
		c2 <- 6
		close(c2)
	}()
	rt.Sleep(0)
	ctx := context.Background()
	rt.Sleep(0)
	got := typeparam_chans_TestMerge__ReadAll(ctx, typeparam_chans_TestMerge__Merge(ctx, c1, c2))
	rt.Sleep(0)
	sort.Ints(got)
	rt.Sleep(0)
	want := []int{1, 2, 3, 4, 5, 6}
	rt.Sleep(0)
	if conformAwait(!typeparam_chans_TestMerge__SliceEqual(got, want)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_Merge returned %v, want %v", got, want))
	}
}

// async
func typeparam_chans_TestMerge__run(t *conformT) {
	rt.Sleep(0)
	typeparam_chans_TestMerge_TestMerge()
	rt.Sleep(0)
}
