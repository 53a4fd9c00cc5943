// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/chans.go (go1.26.8), case TestRanger, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"context"
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"runtime"
	"time"
)

// Ranger returns a Sender and a Receiver. The Receiver provides a
// Next method to retrieve values. The Sender provides a Send method
// to send values and a Close method to stop sending values. The Next
// method indicates when the Sender has been closed, and the Send
// method indicates when the Receiver has been freed.
//
// This is a convenient way to exit a goroutine sending values when
// the receiver stops reading them.
// async
func typeparam_chans_TestRanger__Ranger[Elem any]() (*typeparam_chans_TestRanger__Sender[Elem], *typeparam_chans_TestRanger__Receiver[Elem]) {
	rt.Sleep(0)
	c := make(chan Elem)
	rt.Sleep(0)
	d := make(chan struct{})
	rt.Sleep(0)
	s := &typeparam_chans_TestRanger__Sender[Elem]{
		values: c,
		done:   d,
	}
	rt.Sleep(0)
	r := &typeparam_chans_TestRanger__Receiver[Elem]{
		values: c,
		done:   d,
	}
	rt.Sleep(0)
	runtime.SetFinalizer(r, (*typeparam_chans_TestRanger__Receiver[Elem]).finalize)
	rt.Sleep(0)
	return s, r
}

// A _Sender is used to send values to a Receiver.
type typeparam_chans_TestRanger__Sender[Elem any] struct {
	values chan<- Elem
	done   <-chan struct{}
}

// Send sends a value to the receiver. It reports whether the value was sent.
// The value will not be sent if the context is closed or the receiver
// is freed.
func (s *typeparam_chans_TestRanger__Sender[Elem]) Send(ctx context.Context, v Elem) bool {
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
// async
func (s *typeparam_chans_TestRanger__Sender[Elem]) Close() {
	rt.Sleep(0)
	close(s.values)
	rt.Sleep(0)
}

// A _Receiver receives values from a _Sender.
type typeparam_chans_TestRanger__Receiver[Elem any] struct {
	values <-chan Elem
	done   chan<- struct{}
}

// Next returns the next value from the channel. The bool result indicates
// whether the value is valid.
func (r *typeparam_chans_TestRanger__Receiver[Elem]) Next(ctx context.Context) (v Elem, ok bool) {
	select {
	case <-ctx.Done():
	case v, ok = <-r.values:
	}
	return v, ok
}

// finalize is a finalizer for the receiver.
// async
func (r *typeparam_chans_TestRanger__Receiver[Elem]) finalize() {
	rt.Sleep(0)
	close(r.done)
	rt.Sleep(0)
}

// async
func typeparam_chans_TestRanger_TestRanger() {
	rt.Sleep(0)
	s, r := typeparam_chans_TestRanger__Ranger[int]()

	rt.Sleep(0)
	ctx := context.Background()
	rt.Sleep(0)
	go func() {
		// Receive one value then exit.
		v, ok := r.Next(ctx)
		if !ok {
			panic(fmt.Sprintf("did not receive any values"))
		} else if v != 1 {
			panic(fmt.Sprintf("received %d, want 1", v))
		}
	}()

	rt.Sleep(0)
	c1 := make(chan bool)
	rt.Sleep(0)
	c2 := make(chan bool)
	rt.Sleep(0)
	go func() {
		defer close(c2)
		if !s.Send(ctx, 1) {
			panic(fmt.Sprintf("Send failed unexpectedly"))
		}
		close(c1)
		if s.Send(ctx, 2) {
			panic(fmt.Sprintf("Send succeeded unexpectedly"))
		}
	}()

	rt.Sleep(0)
	<-c1

	// Force a garbage collection to try to get the finalizers to run.
	rt.Sleep(0)
	runtime.GC()

	rt.Sleep(0)
	select {
	case <-c2:
		rt.Sleep(0)
	case <-time.After(time.Minute):
		rt.Sleep(0)
		panic("_Ranger Send should have failed, but timed out")
	}
}

// async
func typeparam_chans_TestRanger__run(t *conformT) {
	rt.Sleep(0)
	typeparam_chans_TestRanger_TestRanger()
	rt.Sleep(0)
}
