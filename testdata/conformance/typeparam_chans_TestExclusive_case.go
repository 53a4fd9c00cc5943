// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/chans.go (go1.26.8), case TestExclusive, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"sync"
)

// An Exclusive is a value that may only be used by a single goroutine
// at a time. This is implemented using channels rather than a mutex.
type typeparam_chans_TestExclusive__Exclusive[Val any] struct {
	c chan Val
}

// _MakeExclusive makes an initialized exclusive value.
// async
func typeparam_chans_TestExclusive__MakeExclusive[Val any](initial Val) *typeparam_chans_TestExclusive__Exclusive[Val] {
	rt.Sleep(0)
	r := &typeparam_chans_TestExclusive__Exclusive[Val]{
		c: make(chan Val, 1),
	}
	rt.Sleep(0)
	r.c <- initial
	rt.Sleep(0)
	return r
}

// _Acquire acquires the exclusive value for private use.
// It must be released using the Release method.
func (e *typeparam_chans_TestExclusive__Exclusive[Val]) Acquire() Val {
	return <-e.c
}

// TryAcquire attempts to acquire the value. The ok result reports whether
// the value was acquired. If the value is acquired, it must be released
// using the Release method.
// async
func (e *typeparam_chans_TestExclusive__Exclusive[Val]) TryAcquire() (v Val, ok bool) {
	rt.Sleep(0)
	select {
	case r := <-e.c:
		rt.Sleep(0)
		return r, true
	default:
		rt.Sleep(0)
		return v, false
	}
}

// Release updates and releases the value.
// This method panics if the value has not been acquired.
func (e *typeparam_chans_TestExclusive__Exclusive[Val]) Release(v Val) {
	select {
	case e.c <- v:
	default:
		panic("_Exclusive Release without Acquire")
	}
}

// async
func typeparam_chans_TestExclusive_TestExclusive() {
	rt.Sleep(0)
	val := 0
	rt.Sleep(0)
	ex := typeparam_chans_TestExclusive__MakeExclusive(&val)

	rt.Sleep(0)
	var wg sync.WaitGroup
	rt.Sleep(0)
	f := func() {
		defer wg.Done()
		for i := 0; i < 10; i++ {
			p := ex.Acquire()
			(*p)++
			ex.Release(p)
		}
	}

	rt.Sleep(0)
	wg.Add(2)
	rt.Sleep(0)
	go f()
	rt.Sleep(0)
	go f()

	rt.Sleep(0)
	wg.Wait()
	rt.Sleep(0)
	if conformAwait(val != 20) {
		rt.Sleep(0)
		panic(fmt.Sprintf("after Acquire/Release loop got %d, want 20", val))
	}
}

// async
func typeparam_chans_TestExclusive__run(t *conformT) {
	rt.Sleep(0)
	typeparam_chans_TestExclusive_TestExclusive()
	rt.Sleep(0)
}
