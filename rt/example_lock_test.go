package rt_test

import (
	"fmt"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

// critical holds mu around a section that awaits.
//
// async
func critical(mu *rt.Lock, name string) {
	mu.Acquire()
	fmt.Println(name, "in at", rt.Now().Format("15:04:05"))
	rt.Sleep(time.Second)
	mu.Release()
}

func ExampleLock() {
	mu := &rt.Lock{}
	rt.Run(rt.Gather(criticalAsync(mu, "a"), criticalAsync(mu, "b"), criticalAsync(mu, "c")), rt.VirtualTime())
	// Output:
	// a in at 00:00:00
	// b in at 00:00:01
	// c in at 00:00:02
}
