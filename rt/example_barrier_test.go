package rt_test

import (
	"fmt"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

// runner arrives at b after d and goes on once all have arrived.
//
// async
func runner(b *rt.Barrier, name string, d time.Duration) {
	rt.Sleep(d)
	i, _ := b.Wait()
	fmt.Println(name, "arrived", i, "and goes at", rt.Now().Format("15:04:05"))
}

func ExampleBarrier() {
	b := rt.NewBarrier(3)
	rt.Run(rt.Gather(runnerAsync(b, "a", 3*time.Second), runnerAsync(b, "b", time.Second), runnerAsync(b, "c", 2*time.Second)), rt.VirtualTime())
	// Output:
	// a arrived 2 and goes at 00:00:03
	// b arrived 0 and goes at 00:00:03
	// c arrived 1 and goes at 00:00:03
}
