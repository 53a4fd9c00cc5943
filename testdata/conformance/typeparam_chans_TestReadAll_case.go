// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/chans.go (go1.26.8), case TestReadAll, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"context"
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

// _Equal reports whether two slices are equal: the same length and all
// elements equal. All floating point NaNs are considered equal.
// async
func typeparam_chans_TestReadAll__SliceEqual[Elem comparable](s1, s2 []Elem) bool {
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
func typeparam_chans_TestReadAll__ReadAll[Elem any](ctx context.Context, c <-chan Elem) []Elem {
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

// async
func typeparam_chans_TestReadAll_TestReadAll() {
	rt.Sleep(0)
	c := make(chan int)
	rt.Sleep(0)
	go func() {
		c <- 4
		c <- 2
		c <- 5
		close(c)
	}()
	rt.Sleep(0)
	got := typeparam_chans_TestReadAll__ReadAll(context.Background(), c)
	rt.Sleep(0)
	want := []int{4, 2, 5}
	rt.Sleep(0)
	if conformAwait(!typeparam_chans_TestReadAll__SliceEqual(got, want)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_ReadAll returned %v, want %v", got, want))
	}
}

// async
func typeparam_chans_TestReadAll__run(t *conformT) {
	rt.Sleep(0)
	typeparam_chans_TestReadAll_TestReadAll()
	rt.Sleep(0)
}
