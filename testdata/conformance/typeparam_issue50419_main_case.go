// Copyright 2022 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue50419.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

// async
func typeparam_issue50419_main_main() {
	rt.Sleep(0)
	foo := &typeparam_issue50419_main_Foo[string, int]{
		valueA: "i am a string",
		valueB: 123,
	}
	rt.Sleep(0)
	if got, want := fmt.Sprintln(foo), "i am a string 123\n"; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %s, want %s", got, want))
	}
}

type typeparam_issue50419_main_Foo[T1 any, T2 any] struct {
	valueA T1
	valueB T2
}

// async
func (f *typeparam_issue50419_main_Foo[_, _]) String() string {
	rt.Sleep(0)
	return fmt.Sprintf("%v %v", f.valueA, f.valueB)
}

// async
func typeparam_issue50419_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue50419_main_main()
	rt.Sleep(0)
}
