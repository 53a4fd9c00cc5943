// Package b calls package a's async function from ordinary code.
package b

import "a"

func Lookup() string {
	v, _ := a.Load("k") // want `call of async function a\.Load from ordinary code runs it as blocking plain Go: use rt\.Run\(a\.LoadAsync\(\.\.\.\)\) or mark the caller //async`
	return v
}

// a.LoadAsync stored is fine; dropped is not.
func Later() {
	a.LoadAsync("k") // want `coroutine a\.LoadAsync\(\.\.\.\) is never awaited`
}
