package rt_test

import (
	"fmt"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

func ExampleLoop() {
	lp := rt.NewLoop(rt.VirtualTime())
	start := lp.Time()
	lp.CallLater(2*time.Second, func() {
		fmt.Println("later, at", lp.Time().Sub(start))
		lp.Stop()
	})
	lp.CallSoon(func() { fmt.Println("soon") })
	lp.CallSoon(func() { fmt.Println("soon, second") })
	err := lp.RunForever() // until a callback calls Stop
	lp.Close()
	fmt.Println("stopped:", err)
	// Output:
	// soon
	// soon, second
	// later, at 2s
	// stopped: <nil>
}
