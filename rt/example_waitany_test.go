package rt_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

// reply takes took to answer key.
//
// async
func reply(key string, took time.Duration) (string, error) {
	defer fmt.Println("reply", key, "ends")
	rt.Sleep(took)
	return strings.ToUpper(key), nil
}

// firstOfThree waits for the first of three tasks to finish.
//
// async
func firstOfThree() error {
	a := rt.Spawn(replyAsync("a", 3*time.Second))
	b := rt.Spawn(replyAsync("b", time.Second))
	c := rt.Spawn(replyAsync("c", 2*time.Second))
	i, err := rt.Await(rt.WaitAny[string](a, b, c))
	if err != nil {
		return err
	}
	fmt.Println("first done:", i, "at", rt.Now().Format("15:04:05"))
	a.Cancel() // the others keep running until cancelled or done
	_, err = rt.Await(c)
	return err
}

func ExampleWaitAny() {
	rt.Run(firstOfThreeAsync(), rt.VirtualTime())
	// Output:
	// reply b ends
	// first done: 1 at 00:00:01
	// reply a ends
	// reply c ends
}
