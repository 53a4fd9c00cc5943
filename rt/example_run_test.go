package rt_test

import (
	"fmt"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

// nap sleeps for d on the loop's clock, then says when it woke. Its
// companion napAsync, which asyncgen generates, returns the coroutine
// that rt.Run runs.
//
// async
func nap(name string, d time.Duration) (string, error) {
	rt.Sleep(d)
	fmt.Println(name, "woke at", rt.Now().Format("15:04:05"))
	return name, nil
}

func ExampleRun() {
	name, err := rt.Run(napAsync("main", time.Hour), rt.VirtualTime())
	fmt.Println(name, err)
	// Output:
	// main woke at 01:00:00
	// main <nil>
}
