package rt_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

// query takes took to answer key.
//
// async
func query(key string, took time.Duration) (string, error) {
	defer fmt.Println("query", key, "ends")
	rt.Sleep(took)
	return strings.ToUpper(key), nil
}

// someFail gathers every outcome, a timeout among them.
//
// async
func someFail() {
	rs, _ := rt.Await(rt.GatherAll(
		queryAsync("x", time.Second),
		rt.WaitFor(queryAsync("y", 5*time.Second), 2*time.Second),
	))
	for _, r := range rs {
		fmt.Printf("%q %v\n", r.Value, r.Err)
	}
}

func ExampleGatherAll() {
	rt.Run(someFailAsync(), rt.VirtualTime())
	// Output:
	// query x ends
	// query y ends
	// "X" <nil>
	// "" rt: timeout
}
