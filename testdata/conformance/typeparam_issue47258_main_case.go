// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue47258.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_issue47258_main_Numeric interface {
	int32 | int64 | float64 | complex64
}

// async
//
//go:noline
func typeparam_issue47258_main_inc[T typeparam_issue47258_main_Numeric](x T) T {
	rt.Sleep(0)
	x++
	rt.Sleep(0)
	return x
}

// async
func typeparam_issue47258_main_main() {
	rt.Sleep(0)
	if got, want := typeparam_issue47258_main_inc(int32(5)), int32(6); conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d, want %d", got, want))
	}
	rt.Sleep(0)
	if got, want := typeparam_issue47258_main_inc(float64(5)), float64(6.0); conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d, want %d", got, want))
	}
	rt.Sleep(0)
	if got, want := typeparam_issue47258_main_inc(complex64(5)), complex64(6.0); conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %d, want %d", got, want))
	}
}

// async
func typeparam_issue47258_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue47258_main_main()
	rt.Sleep(0)
}
