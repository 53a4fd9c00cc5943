// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue45722.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"log"
)

// async
func typeparam_issue45722_main_try[T any](v T, err error) T {
	rt.Sleep(0)
	if conformAwait(err != nil) {
		rt.Sleep(0)
		panic(err)
	}
	rt.Sleep(0)
	return v
}

// async
func typeparam_issue45722_main_handle(handle func(error)) {
	rt.Sleep(0)
	if issue := recover(); conformAwait(issue != nil) {
		rt.Sleep(0)
		if e, ok := issue.(error); conformAwait(ok && e != nil) {
			rt.Sleep(0)
			handle(e)
			rt.Sleep(0)
		} else {
			rt.Sleep(0)
			handle(fmt.Errorf("%v", e))
			rt.Sleep(0)
		}
	}
}

// async
func typeparam_issue45722_main_main() {
	rt.Sleep(0)
	defer typeparam_issue45722_main_handle(func(e error) { log.Fatalln(e) })
	rt.Sleep(0)
	_ = typeparam_issue45722_main_try(fmt.Print(""))
	rt.Sleep(0)
}

// async
func typeparam_issue45722_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue45722_main_main()
	rt.Sleep(0)
}
