// Copyright 2020 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/absdiff.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// async
func typeparam_absdiff_main_main() {
	rt.Sleep(0)
	// // For now, a lone type parameter is not permitted as RHS in a type declaration (issue #45639).
	// if got, want := orderedAbsDifference(1.0, -2.0), 3.0; got != want {
	// 	panic(fmt.Sprintf("got = %v, want = %v", got, want))
	// }
	// if got, want := orderedAbsDifference(-1.0, 2.0), 3.0; got != want {
	// 	panic(fmt.Sprintf("got = %v, want = %v", got, want))
	// }
	// if got, want := orderedAbsDifference(-20, 15), 35; got != want {
	// 	panic(fmt.Sprintf("got = %v, want = %v", got, want))
	// }
	//
	// if got, want := complexAbsDifference(5.0+2.0i, 2.0-2.0i), 5+0i; got != want {
	// 	panic(fmt.Sprintf("got = %v, want = %v", got, want))
	// }
	// if got, want := complexAbsDifference(2.0-2.0i, 5.0+2.0i), 5+0i; got != want {
	// 	panic(fmt.Sprintf("got = %v, want = %v", got, want))
	// }
}

// async
func typeparam_absdiff_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_absdiff_main_main()
	rt.Sleep(0)
}
