package rt_test

import (
	"fmt"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

// download holds one of s's permits for a second.
//
// async
func download(s *rt.Semaphore, name string) {
	s.Acquire()
	fmt.Println(name, "starts at", rt.Now().Format("15:04:05"))
	rt.Sleep(time.Second)
	s.Release()
}

func ExampleSemaphore() {
	s := rt.NewSemaphore(2) // at most two downloads at a time
	rt.Run(rt.Gather(downloadAsync(s, "a"), downloadAsync(s, "b"), downloadAsync(s, "c"), downloadAsync(s, "d")), rt.VirtualTime())
	// Output:
	// a starts at 00:00:00
	// b starts at 00:00:00
	// c starts at 00:00:01
	// d starts at 00:00:01
}
