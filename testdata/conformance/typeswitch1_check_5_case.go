// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeswitch1.go (go1.26.8), case check_5, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

// async
func typeswitch1_check_5_whatis(x interface{}) string {
	rt.Sleep(0)
	switch xx := x.(type) {
	default:
		rt.Sleep(0)
		return fmt.Sprint("default ", xx)
	case int, int8, int16, int32:
		rt.Sleep(0)
		return fmt.Sprint("signed ", xx)
	case int64:
		rt.Sleep(0)
		return fmt.Sprint("signed64 ", int64(xx))
	case uint, uint8, uint16, uint32:
		rt.Sleep(0)
		return fmt.Sprint("unsigned ", xx)
	case uint64:
		rt.Sleep(0)
		return fmt.Sprint("unsigned64 ", uint64(xx))
	case nil:
		rt.Sleep(0)
		return fmt.Sprint("nil ", xx)
	}
	rt.Sleep(0)
	panic("not reached")
}

// async
func typeswitch1_check_5_whatis1(x interface{}) string {
	rt.Sleep(0)
	xx := x
	rt.Sleep(0)
	switch xx.(type) {
	default:
		rt.Sleep(0)
		return fmt.Sprint("default ", xx)
	case int, int8, int16, int32:
		rt.Sleep(0)
		return fmt.Sprint("signed ", xx)
	case int64:
		rt.Sleep(0)
		return fmt.Sprint("signed64 ", xx.(int64))
	case uint, uint8, uint16, uint32:
		rt.Sleep(0)
		return fmt.Sprint("unsigned ", xx)
	case uint64:
		rt.Sleep(0)
		return fmt.Sprint("unsigned64 ", xx.(uint64))
	case nil:
		rt.Sleep(0)
		return fmt.Sprint("nil ", xx)
	}
	rt.Sleep(0)
	panic("not reached")
}

// async
func typeswitch1_check_5_check(x interface{}, s string) {
	rt.Sleep(0)
	w := typeswitch1_check_5_whatis(x)
	rt.Sleep(0)
	if conformAwait(w != s) {
		rt.Sleep(0)
		fmt.Println("whatis", x, "=>", w, "!=", s)
		rt.Sleep(0)
		panic("fail")
	}

	rt.Sleep(0)
	w = typeswitch1_check_5_whatis1(x)
	rt.Sleep(0)
	if conformAwait(w != s) {
		rt.Sleep(0)
		fmt.Println("whatis1", x, "=>", w, "!=", s)
		rt.Sleep(0)
		panic("fail")
	}
}

// async
func typeswitch1_check_5__run(t *conformT) {
	rt.Sleep(0)
	typeswitch1_check_5_check(1.5, "default 1.5")
	rt.Sleep(0)
}
