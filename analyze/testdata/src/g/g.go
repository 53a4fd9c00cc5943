// Package g has an async generator, ranged over and misused.
package g

import "github.com/asyncgen/asyncgen/rt"

// async
func nums(n int, yield func(int) bool) {
	for i := range n {
		rt.Sleep(0)
		if !yield(i) {
			return
		}
	}
}

// async
func consumer() {
	nums(3, func(int) bool { return true }) // want `nums is an async generator: range over numsAsync\(\.\.\.\) instead of calling it`
	for v := range numsAsync(3) {
		_ = v
	}
}

func plain() {
	for v := range numsAsync(3) { // want `range over an async generator from ordinary code runs it as a plain iterator whose awaits block`
		_ = v
	}
}
