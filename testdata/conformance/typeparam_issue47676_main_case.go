// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/issue47676.go (go1.26.8), case main, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"github.com/asyncgen/asyncgen/rt"
)

// async
func typeparam_issue47676_main_main() {
	rt.Sleep(0)
	d := typeparam_issue47676_main_diff([]int{}, func(int) string {
		return "foo"
	})
	rt.Sleep(0)
	d()
	rt.Sleep(0)
}

// async
func typeparam_issue47676_main_diff[T any](previous []T, uniqueKey func(T) string) func() {
	rt.Sleep(0)
	return func() {
		newJSON := map[string]T{}
		for _, prev := range previous {
			delete(newJSON, uniqueKey(prev))
		}
	}
}

// async
func typeparam_issue47676_main__run(t *conformT) {
	rt.Sleep(0)
	typeparam_issue47676_main_main()
	rt.Sleep(0)
}
