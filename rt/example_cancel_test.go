package rt_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

// idle sleeps for an hour; its deferred call says when it was cancelled.
//
// async
func idle(name string) error {
	me := rt.CurrentTask()
	defer func() {
		if me.Cancelling() {
			fmt.Println(name, "cancelled")
		}
	}()
	rt.Sleep(time.Hour)
	return nil
}

// cancelOne cancels a task after a second and awaits it.
//
// async
func cancelOne() {
	t := rt.Spawn(idleAsync("sleeper"), rt.Name("sleeper"))
	rt.Sleep(time.Second)
	t.Cancel()
	_, err := rt.Await(t)
	fmt.Println("awaiter sees:", err, errors.Is(err, rt.ErrCanceled))
}

func ExampleTask_Cancel() {
	rt.Run(cancelOneAsync(), rt.VirtualTime())
	// Output:
	// sleeper cancelled
	// awaiter sees: rt: canceled true
}
