package rt_test

import (
	"fmt"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

// pollThree needs a nested async function that it calls several times
// (Python's nested async def). An rt.Func value is one coroutine, awaited
// once; a plain function that returns a new rt.Func closure on each call
// is the nested async def: each call makes a fresh coroutine, which may
// be awaited, spawned or gathered, and shares pollThree's variables.
//
// async
func pollThree() error {
	attempts := 0
	poll := func(name string) rt.Awaitable[string] {
		return rt.Func(func() (string, error) {
			attempts++
			rt.Sleep(time.Second)
			return fmt.Sprintf("%s at %s", name, rt.Now().Format("05")), nil
		})
	}
	for _, name := range []string{"a", "b", "c"} {
		v, err := rt.Await(poll(name)) // one after the other
		if err != nil {
			return err
		}
		fmt.Println(v)
	}
	vs, err := rt.Await(rt.Gather(poll("x"), poll("y"), poll("z"))) // at once
	fmt.Println(vs, err, "attempts:", attempts)
	return err
}

func ExampleFunc_severalTimes() {
	rt.Run(pollThreeAsync(), rt.VirtualTime())
	// Output:
	// a at 01
	// b at 02
	// c at 03
	// [x at 04 y at 04 z at 04] <nil> attempts: 6
}
