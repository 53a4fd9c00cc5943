package rt_test

import (
	"fmt"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

// failAfter fails after d.
//
// async
func failAfter(name string, d time.Duration) error {
	rt.Sleep(d)
	return fmt.Errorf("%s failed", name)
}

// forgotten spawns a task that fails, and never awaits it.
//
// async
func forgotten() {
	rt.Spawn(failAfterAsync("lost", time.Second), rt.Name("lost"))
	rt.Sleep(2 * time.Second) // nobody awaits "lost"
}

func ExampleExceptionHandler() {
	report := rt.ExceptionHandler(func(task *rt.Coro, err error) {
		fmt.Printf("task %s failed and nobody awaited it: %v\n", task.Name(), err)
	})
	rt.Run(forgottenAsync(), rt.VirtualTime(), report)
	// Output:
	// task lost failed and nobody awaited it: lost failed
}
