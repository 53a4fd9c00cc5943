// Copyright 2022 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/absdiff2.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"math"
)

type typeparam_absdiff2_main_Numeric interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64 |
		~complex64 | ~complex128
}

// numericAbs matches a struct containing a numeric type that has an Abs method.
type typeparam_absdiff2_main_numericAbs[T typeparam_absdiff2_main_Numeric] interface {
	~struct{ Value_ T }
	Abs() T
	Value() T
}

// absDifference computes the absolute value of the difference of
// a and b, where the absolute value is determined by the Abs method.
// async
func typeparam_absdiff2_main_absDifference[T typeparam_absdiff2_main_Numeric, U typeparam_absdiff2_main_numericAbs[T]](a, b U) T {
	rt.Sleep(0)
	d := a.Value() - b.Value()
	rt.Sleep(0)
	dt := U{Value_: d}
	rt.Sleep(0)
	return dt.Abs()
}

// orderedNumeric matches numeric types that support the < operator.
type typeparam_absdiff2_main_orderedNumeric interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64
}

// Complex matches the two complex types, which do not have a < operator.
type typeparam_absdiff2_main_Complex interface {
	~complex64 | ~complex128
}

// orderedAbs is a helper type that defines an Abs method for
// a struct containing an ordered numeric type.
type typeparam_absdiff2_main_orderedAbs[T typeparam_absdiff2_main_orderedNumeric] struct {
	Value_ T
}

// async
func (a typeparam_absdiff2_main_orderedAbs[T]) Abs() T {
	rt.Sleep(0)
	if conformAwait(a.Value_ < 0) {
		rt.Sleep(0)
		return -a.Value_
	}
	rt.Sleep(0)
	return a.Value_
}

// async
func (a typeparam_absdiff2_main_orderedAbs[T]) Value() T {
	rt.Sleep(0)
	return a.Value_
}

// complexAbs is a helper type that defines an Abs method for
// a struct containing a complex type.
type typeparam_absdiff2_main_complexAbs[T typeparam_absdiff2_main_Complex] struct {
	Value_ T
}

// async
func typeparam_absdiff2_main_realimag(x any) (re, im float64) {
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
func (a typeparam_absdiff2_main_complexAbs[T]) Abs() T {
	// TODO use direct conversion instead of realimag once #50937 is fixed
	rt.Sleep(0)
	r, i := typeparam_absdiff2_main_realimag(a.Value_)
	// r := float64(real(a.Value))
	// i := float64(imag(a.Value))
	rt.Sleep(0)
	d := math.Sqrt(r*r + i*i)
	rt.Sleep(0)
	return T(complex(d, 0))
}

// async
func (a typeparam_absdiff2_main_complexAbs[T]) Value() T {
	rt.Sleep(0)
	return a.Value_
}

// OrderedAbsDifference returns the absolute value of the difference
// between a and b, where a and b are of an ordered type.
// async
func typeparam_absdiff2_main_OrderedAbsDifference[T typeparam_absdiff2_main_orderedNumeric](a, b T) T {
	rt.Sleep(0)
	return typeparam_absdiff2_main_absDifference(typeparam_absdiff2_main_orderedAbs[T]{a}, typeparam_absdiff2_main_orderedAbs[T]{b})
}

// ComplexAbsDifference returns the absolute value of the difference
// between a and b, where a and b are of a complex type.
// async
func typeparam_absdiff2_main_ComplexAbsDifference[T typeparam_absdiff2_main_Complex](a, b T) T {
	rt.Sleep(0)
	return typeparam_absdiff2_main_absDifference(typeparam_absdiff2_main_complexAbs[T]{a}, typeparam_absdiff2_main_complexAbs[T]{b})
}

// async
func typeparam_absdiff2_main_main() {
	rt.Sleep(0)
	if got, want := typeparam_absdiff2_main_OrderedAbsDifference(1.0, -2.0), 3.0; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got = %v, want = %v", got, want))
	}
	rt.Sleep(0)
	if got, want := typeparam_absdiff2_main_OrderedAbsDifference(-1.0, 2.0), 3.0; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got = %v, want = %v", got, want))
	}
	rt.Sleep(0)
	if got, want := typeparam_absdiff2_main_OrderedAbsDifference(-20, 15), 35; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got = %v, want = %v", got, want))
	}

	rt.Sleep(0)
	if got, want := typeparam_absdiff2_main_ComplexAbsDifference(5.0+2.0i, 2.0-2.0i), 5+0i; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got = %v, want = %v", got, want))
	}
	rt.Sleep(0)
	if got, want := typeparam_absdiff2_main_ComplexAbsDifference(2.0-2.0i, 5.0+2.0i), 5+0i; conformAwait(got != want) {
		rt.Sleep(0)
		panic(fmt.Sprintf("got = %v, want = %v", got, want))
	}
}

// async
func typeparam_absdiff2_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_absdiff2_main_main()
	rt.Sleep(0)
}
