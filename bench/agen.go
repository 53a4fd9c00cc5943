package bench

import (
	"iter"

	"github.com/asyncgen/asyncgen/rt"
)

// settled is a future that is already done: awaiting it never suspends
// and allocates nothing.
var settled = func() *rt.Future[int] {
	f := rt.NewFuture[int]()
	f.SetResult(0)
	return f
}()

// upTo is an async generator of 0..n-1 with no await of its own: the
// benchmark measures the hand-over of a value, not a sleep.
//
// async
func upTo(n int, yield func(int) bool) {
	for i := 0; i < n; i++ {
		if !yield(i) {
			return
		}
	}
}

// sumGen ranges over upTo in async code: each item pushes the
// generator's frame on the task and detaches it again at the yield.
//
// async
func sumGen(n int) int {
	s := 0
	for v := range upToAsync(n) {
		s += v
		rt.Await(settled) // the same await as sumPull's, which completes at once
	}
	return s
}

// counter is the same sequence as a plain iterator.
func counter(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

// sumPull ranges over a plain iterator in async code with an await point
// in the body, which the generator lowers with iter.Pull (a switch to the
// iterator's runtime coroutine and back per item).
//
// async
func sumPull(n int) int {
	s := 0
	for v := range counter(n) {
		s += v
		rt.Await(settled) // an await point that completes at once: the loop is lowered, nothing suspends
	}
	return s
}
