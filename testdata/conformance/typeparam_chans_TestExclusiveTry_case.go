// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/chans.go (go1.26.8), case TestExclusiveTry, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"sync"
)

// An Exclusive is a value that may only be used by a single goroutine
// at a time. This is implemented using channels rather than a mutex.
type typeparam_chans_TestExclusiveTry__Exclusive[Val any] struct {
	c chan Val
}

// _MakeExclusive makes an initialized exclusive value.
// async
func typeparam_chans_TestExclusiveTry__MakeExclusive[Val any](initial Val) *typeparam_chans_TestExclusiveTry__Exclusive[Val] {
	rt.Sleep(0)
	r := &typeparam_chans_TestExclusiveTry__Exclusive[Val]{
		c: make(chan Val, 1),
	}
	rt.Sleep(0)
	r.c <- initial
	rt.Sleep(0)
	return r
}

// _Acquire acquires the exclusive value for private use.
// It must be released using the Release method.
// async
func (e *typeparam_chans_TestExclusiveTry__Exclusive[Val]) Acquire() Val {
	rt.Sleep(0)
	return <-e.c
}

// TryAcquire attempts to acquire the value. The ok result reports whether
// the value was acquired. If the value is acquired, it must be released
// using the Release method.
func (e *typeparam_chans_TestExclusiveTry__Exclusive[Val]) TryAcquire() (v Val, ok bool) {
	select {
	case r := <-e.c:
		return r, true
	default:
		return v, false
	}
}

// Release updates and releases the value.
// This method panics if the value has not been acquired.
// async
func (e *typeparam_chans_TestExclusiveTry__Exclusive[Val]) Release(v Val) {
	rt.Sleep(0)
	select {
	case e.c <- v:
		rt.Sleep(0)
	default:
		rt.Sleep(0)
		panic("_Exclusive Release without Acquire")
	}
}

// async
func typeparam_chans_TestExclusiveTry_TestExclusiveTry() {
	rt.Sleep(0)
	s := ""
	rt.Sleep(0)
	ex := typeparam_chans_TestExclusiveTry__MakeExclusive(&s)
	rt.Sleep(0)
	p, ok := ex.TryAcquire()
	rt.Sleep(0)
	if conformAwait(!ok) {
		rt.Sleep(0)
		panic("TryAcquire failed")
	}
	rt.Sleep(0)
	*p = "a"

	rt.Sleep(0)
	var wg sync.WaitGroup
	rt.Sleep(0)
	wg.Add(1)
	rt.Sleep(0)
	go func() {
		defer wg.Done()
		_, ok := ex.TryAcquire()
		if ok {
			panic(fmt.Sprintf("TryAcquire succeeded unexpectedly"))
		}
	}()
	rt.Sleep(0)
	wg.Wait()

	rt.Sleep(0)
	ex.Release(p)

	rt.Sleep(0)
	p, ok = ex.TryAcquire()
	rt.Sleep(0)
	if conformAwait(!ok) {
		rt.Sleep(0)
		panic(fmt.Sprintf("TryAcquire failed"))
	}
}

// async
func typeparam_chans_TestExclusiveTry__run(t *conformT) {
	rt.Sleep(0)
	typeparam_chans_TestExclusiveTry_TestExclusiveTry()
	rt.Sleep(0)
}
