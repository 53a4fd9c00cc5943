// Package stale has async functions that changed after their generated
// file (s_async.go) was written, and one it does not have yet.
package stale

import "github.com/asyncgen/asyncgen/rt"

// async
func same() { rt.Sleep(0) }

// async
func edited() int { // want `async function edited changed since its generated code was written \(s_async.go is stale\): run go generate`
	rt.Sleep(0)
	return 2
}

type T struct{}

// async
func (*T) method() { // want `async function \(\*T\).method changed since its generated code was written`
	rt.Sleep(1)
}

// moved above its old place: not a change.
//
// async
func (T) value() { rt.Sleep(0) }

// async
func added() { rt.Sleep(0) } // want `async function added is not in s_async.go yet, which was generated before it was marked //async: run go generate`

func use() {
	_ = sameAsync
	_ = editedAsync
	_ = (&T{}).methodAsync
	_ = T{}.valueAsync
}
