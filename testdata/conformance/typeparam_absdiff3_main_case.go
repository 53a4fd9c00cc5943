// Copyright 2022 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/absdiff3.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"math"
)

type typeparam_absdiff3_main_Numeric interface {
	typeparam_absdiff3_main_OrderedNumeric | typeparam_absdiff3_main_Complex
}

// absDifference computes the absolute value of the difference of
// a and b, where the absolute value is determined by the abs function.
// async
func typeparam_absdiff3_main_absDifference[T typeparam_absdiff3_main_Numeric](a, b T, abs func(a T) T) T {
	rt.Sleep(0)
	return abs(a - b)
}

// OrderedNumeric matches numeric types that support the < operator.
type typeparam_absdiff3_main_OrderedNumeric interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64
}

// async
func typeparam_absdiff3_main_Abs[T typeparam_absdiff3_main_OrderedNumeric](a T) T {
	rt.Sleep(0)
	if conformAwait(a < 0) {
		rt.Sleep(0)
		return -a
	}
	rt.Sleep(0)
	return a
}

// Complex matches the two complex types, which do not have a < operator.
type typeparam_absdiff3_main_Complex interface {
	~complex64 | ~complex128
}

// async
func typeparam_absdiff3_main_realimag(x any) (re, im float64) {
	rt.Sleep(0)
	switch z := x.(type) {
	case complex64:
		rt.Sleep(0)
		re = float64(real(z))
		rt.Sleep(0)
		im = float64(imag(z))
		rt.Sleep(0)
	case complex128:
		rt.Sleep(0)
		re = real(z)
		rt.Sleep(0)
		im = imag(z)
		rt.Sleep(0)
	default:
		rt.Sleep(0)
		panic("unknown complex type")
	}
	rt.Sleep(0)
	return
}

// async
func typeparam_absdiff3_main_ComplexAbs[T typeparam_absdiff3_main_Complex](a T) T {
	// TODO use direct conversion instead of realimag once #50937 is fixed
	rt.Sleep(0)
	r, i := typeparam_absdiff3_main_realimag(a)
	// r := float64(real(a))
	// i := float64(imag(a))
	rt.Sleep(0)
	d := math.Sqrt(r*r + i*i)
	rt.Sleep(0)
	return T(complex(d, 0))
}

// OrderedAbsDifference returns the absolute value of the difference
// between a and b, where a and b are of an ordered type.
// async
func typeparam_absdiff3_main_OrderedAbsDifference[T typeparam_absdiff3_main_OrderedNumeric](a, b T) T {
	rt.Sleep(0)
	return typeparam_absdiff3_main_absDifference(a, b, typeparam_absdiff3_main_Abs[T])
}

// ComplexAbsDifference returns the absolute value of the difference
// between a and b, where a and b are of a complex type.
// async
func typeparam_absdiff3_main_ComplexAbsDifference[T typeparam_absdiff3_main_Complex](a, b T) T {
	rt.Sleep(0)
	return typeparam_absdiff3_main_absDifference(a, b, typeparam_absdiff3_main_ComplexAbs[T])
}

// async
func typeparam_absdiff3_main_main() {
	rt.Sleep(0)
	if got, want := typeparam_absdiff3_main_OrderedAbsDifference(1.0, -2.0), 3.0; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got = %v, want = %v", got, want))
	}
	rt.Sleep(0)
	if got, want := typeparam_absdiff3_main_OrderedAbsDifference(-1.0, 2.0), 3.0; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got = %v, want = %v", got, want))
	}
	rt.Sleep(0)
	if got, want := typeparam_absdiff3_main_OrderedAbsDifference(-20, 15), 35; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got = %v, want = %v", got, want))
	}

	rt.Sleep(0)
	if got, want := typeparam_absdiff3_main_ComplexAbsDifference(5.0+2.0i, 2.0-2.0i), 5+0i; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got = %v, want = %v", got, want))
	}
	rt.Sleep(0)
	if got, want := typeparam_absdiff3_main_ComplexAbsDifference(2.0-2.0i, 5.0+2.0i), 5+0i; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got = %v, want = %v", got, want))
	}
}

// async
func typeparam_absdiff3_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_absdiff3_main_main()
	rt.Sleep(0)
}
