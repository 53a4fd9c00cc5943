package rt_test

import (
	"fmt"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

// release is an async cleanup: it awaits.
//
// async
func release(name string) {
	rt.Sleep(time.Second)
	fmt.Println(name, "released at", rt.Now().Format("05"))
}

// readings is an async generator: it awaits between values, and its
// deferred call, which awaits too, runs however the loop over it ends.
//
// async
func readings(sensor string, yield func(int) bool) {
	defer release(sensor)
	for i := 1; ; i++ {
		rt.Sleep(time.Second)
		if !yield(i * 10) {
			return
		}
	}
}

// async
func monitor() error {
	for v := range readingsAsync("thermometer") {
		fmt.Println("reading", v, "at", rt.Now().Format("05"))
		if v == 30 {
			break // closes the generator: release runs before the loop ends
		}
	}
	fmt.Println("monitor done at", rt.Now().Format("05"))
	return nil
}

func ExampleGen() {
	rt.Run(monitorAsync(), rt.VirtualTime())
	// Output:
	// reading 10 at 01
	// reading 20 at 02
	// reading 30 at 03
	// thermometer released at 04
	// monitor done at 04
}
