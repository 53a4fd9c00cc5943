// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue50642.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

type typeparam_issue50642_main_Temp[T any] struct {
}

var typeparam_issue50642_main_temp, typeparam_issue50642_main_temp1 any

var typeparam_issue50642_main_ch any

// async
func (it typeparam_issue50642_main_Temp[T]) HasNext() bool {
	rt.Sleep(0)
	var ok bool
	rt.Sleep(0)
	typeparam_issue50642_main_temp1 = <-typeparam_issue50642_main_ch.(chan T)
	// test conversion of T to interface{} during an OAS2RECV
	rt.Sleep(0)
	typeparam_issue50642_main_temp, ok = <-typeparam_issue50642_main_ch.(chan T)
	rt.Sleep(0)
	return ok
}

type typeparam_issue50642_main_MyInt int

// async
func (i typeparam_issue50642_main_MyInt) String() string {
	rt.Sleep(0)
	return "a"
}

type typeparam_issue50642_main_Stringer interface {
	String() string
}

type typeparam_issue50642_main_Temp2[T typeparam_issue50642_main_Stringer] struct {
}

var typeparam_issue50642_main_temp2 typeparam_issue50642_main_Stringer

// async
func (it typeparam_issue50642_main_Temp2[T]) HasNext() string {
	rt.Sleep(0)
	var x map[int]T

	rt.Sleep(0)
	var ok bool
	// test conversion of T to Stringer during an OAS2MAPR
	rt.Sleep(0)
	typeparam_issue50642_main_temp2, ok = x[43]
	rt.Sleep(0)
	_ = ok
	rt.Sleep(0)
	return typeparam_issue50642_main_temp2.String()
}

// async
func typeparam_issue50642_main_main() {
	rt.Sleep(0)
	ch1 := make(chan int, 2)
	rt.Sleep(0)
	ch1 <- 5
	rt.Sleep(0)
	ch1 <- 6
	rt.Sleep(0)
	typeparam_issue50642_main_ch = ch1
	rt.Sleep(0)
	iter := typeparam_issue50642_main_Temp[int]{}
	rt.Sleep(0)
	iter.HasNext()

	rt.Sleep(0)
	iter2 := typeparam_issue50642_main_Temp2[typeparam_issue50642_main_MyInt]{}
	rt.Sleep(0)
	if got, want := iter2.HasNext(), "a"; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got %v, want %v", got, want))
	}

}

// async
func typeparam_issue50642_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue50642_main_main()
	rt.Sleep(0)
}
