package rt_test

import (
	"fmt"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

// get pretends to fetch name, which takes d.
//
// async
func get(name string, d time.Duration) (string, error) {
	rt.Sleep(d)
	fmt.Println(name, "arrived at", rt.Now().Format("15:04:05"))
	return name, nil
}

// getThree runs three gets at once and returns their results in
// argument order (asyncio.gather).
//
// async
func getThree() ([]string, error) {
	return rt.Await(rt.Gather(
		getAsync("a", 3*time.Second),
		getAsync("b", time.Second),
		getAsync("c", 2*time.Second),
	))
}

func ExampleGather() {
	names, err := rt.Run(getThreeAsync(), rt.VirtualTime())
	fmt.Println(names, err) // results in argument order
	// Output:
	// b arrived at 00:00:01
	// c arrived at 00:00:02
	// a arrived at 00:00:03
	// [a b c] <nil>
}
