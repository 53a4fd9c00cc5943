// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/chans.go (go1.26.8), case TestSink, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"context"
	"github.com/asyncgen/asyncgen/rt"
	"time"
)

// _Sink returns a channel that discards all values sent to it.
// This will leave a goroutine running until the context is canceled
// or the returned channel is closed.
// async
func typeparam_chans_TestSink__Sink[Elem any](ctx context.Context) chan<- Elem {
	rt.Sleep(0)
	r := make(chan Elem)
	rt.Sleep(0)
	go func(ctx context.Context, r <-chan Elem) {
		for {
			select {
			case <-ctx.Done():
				return
			case _, ok := <-r:
				if !ok {
					return
				}
			}
		}
	}(ctx, r)
	rt.Sleep(0)
	return r
}

// async
func typeparam_chans_TestSink_TestSink() {
	rt.Sleep(0)
	c := typeparam_chans_TestSink__Sink[int](context.Background())
	rt.Sleep(0)
	after := time.NewTimer(time.Minute)
	rt.Sleep(0)
	defer after.Stop()
	rt.Sleep(0)
	send := func(v int) {
		select {
		case c <- v:
		case <-after.C:
			panic("timed out sending to _Sink")
		}
	}
	rt.Sleep(0)
	send(1)
	rt.Sleep(0)
	send(2)
	rt.Sleep(0)
	send(3)
	rt.Sleep(0)
	close(c)
	rt.Sleep(0)
}

// async
func typeparam_chans_TestSink__run(t *conformT) {
	rt.Sleep(0)
	typeparam_chans_TestSink_TestSink()
	rt.Sleep(0)
}
