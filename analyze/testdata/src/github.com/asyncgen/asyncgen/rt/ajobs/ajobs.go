// Package ajobs is a stand-in for rt/ajobs: Define's signature.
package ajobs

import "github.com/asyncgen/asyncgen/rt"

type JobType[A, R any] struct{}

func Define[A, R any](name string, fn func(A) rt.Awaitable[R]) *JobType[A, R] { return nil }
