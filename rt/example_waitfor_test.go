package rt_test

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

// lookup takes took to answer key.
//
// async
func lookup(key string, took time.Duration) (string, error) {
	defer fmt.Println("lookup", key, "ends")
	rt.Sleep(took)
	return strings.ToUpper(key), nil
}

// waitForTwice gives a slow lookup one second and a fast one three.
//
// async
func waitForTwice() {
	v, err := rt.Await(rt.WaitFor(lookupAsync("slow", 3*time.Second), time.Second))
	fmt.Printf("%q %v timeout=%v\n", v, err, errors.Is(err, rt.ErrTimeout))
	v, err = rt.Await(rt.WaitFor(lookupAsync("fast", time.Second), 3*time.Second))
	fmt.Printf("%q %v\n", v, err)
}

func ExampleWaitFor() {
	rt.Run(waitForTwiceAsync(), rt.VirtualTime())
	// Output:
	// lookup slow ends
	// "" rt: timeout timeout=true
	// lookup fast ends
	// "FAST" <nil>
}
