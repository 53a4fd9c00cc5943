package rt_test

import (
	"fmt"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

// doze sleeps for d, suspending only its own task, then says when it woke.
//
// async
func doze(name string, d time.Duration) {
	rt.Sleep(d)
	fmt.Println(name, "woke at", rt.Now().Format("15:04:05"))
}

// twoNaps sleeps in two tasks at once.
//
// async
func twoNaps() error {
	_, err := rt.Await(rt.Gather(dozeAsync("late", 2*time.Hour), dozeAsync("early", time.Hour)))
	return err
}

func ExampleSleep() {
	// Under VirtualTime the clock jumps from timer to timer: two hours of
	// sleeping take no real time and keep their order.
	rt.Run(twoNapsAsync(), rt.VirtualTime())
	// Output:
	// early woke at 01:00:00
	// late woke at 02:00:00
}
