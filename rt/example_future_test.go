package rt_test

import (
	"fmt"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

// answerLater sets f after a second.
//
// async
func answerLater(f *rt.Future[int]) {
	rt.Sleep(time.Second)
	f.SetResult(42)
}

// awaitFuture awaits a future another task sets.
//
// async
func awaitFuture() (int, error) {
	f := rt.NewFuture[int]()
	rt.Spawn(answerLaterAsync(f))
	return rt.Await(f)
}

func ExampleNewFuture() {
	fmt.Println(rt.Run(awaitFutureAsync(), rt.VirtualTime()))
	// Output: 42 <nil>
}
