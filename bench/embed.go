package bench

import "github.com/asyncgen/asyncgen/rt"

// The chain that TestDirectAwaitAllocs measures: direct awaits of async
// functions of this package, whose frames the generator embeds in their
// callers' frames (transform/doc.go, "Embedded frames"), so that an await
// allocates nothing.

// leaf is a call that finishes without suspending.
//
// async
func leaf(x int) int {
	return x + 1
}

// mid awaits leaf directly, then yields to the loop once.
//
// async
func mid(x int) (int, error) {
	v := leaf(x)
	rt.Sleep(0)
	return v, nil
}

// chain awaits mid n times, each with its own await site's frame reused.
//
// async
func chain(n int) (int, error) {
	sum := 0
	for i := 0; i < n; i++ {
		v, err := mid(i)
		if err != nil {
			return 0, err
		}
		sum += v
	}
	return sum, nil
}

// sumLeaves awaits leaf n times directly: each await runs leaf's frame
// from a field of sumLeaves' frame, and leaf returns without suspending.
//
// async
func sumLeaves(n int) int {
	sum := 0
	for i := 0; i < n; i++ {
		sum += leaf(i)
	}
	return sum
}

// sumLeavesHeap is sumLeaves with each coroutine made first and awaited
// as a value, which the generator cannot embed: a heap frame per await,
// as every direct await cost before frames were embedded.
//
// async
func sumLeavesHeap(n int) int {
	sum := 0
	for i := 0; i < n; i++ {
		aw := leafAsync(i)
		v, _ := rt.Await(aw)
		sum += v
	}
	return sum
}
