package rt_test

import (
	"fmt"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

// member fails after d when fail is set, and otherwise runs for an hour;
// it says when it was cancelled.
//
// async
func member(name string, d time.Duration, fail bool) error {
	me := rt.CurrentTask()
	defer func() {
		if me.Cancelling() {
			fmt.Println(name, "cancelled")
		}
	}()
	if fail {
		rt.Sleep(d)
		return fmt.Errorf("%s failed", name)
	}
	rt.Sleep(time.Hour)
	return nil
}

// group runs three members in a task group.
//
// async
func group() {
	g := rt.NewTaskGroup()
	rt.Spawn(memberAsync("a", time.Second, true), rt.InGroup(g), rt.Name("a"))
	rt.Spawn(memberAsync("b", 0, false), rt.InGroup(g), rt.Name("b"))
	rt.Spawn(memberAsync("c", 2*time.Second, true), rt.InGroup(g), rt.Name("c"))
	err := g.Wait() // the first failure cancels the siblings
	fmt.Println("group:", err, "at", rt.Now().Format("15:04:05"))
}

func ExampleTaskGroup() {
	rt.Run(groupAsync(), rt.VirtualTime())
	// Output:
	// b cancelled
	// c cancelled
	// group: a failed at 00:00:01
}
