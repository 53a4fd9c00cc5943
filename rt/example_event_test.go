package rt_test

import (
	"fmt"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

// waitFor waits until ev is set.
//
// async
func waitFor(ev *rt.Event, name string) {
	ev.Wait()
	fmt.Println(name, "sees the event at", rt.Now().Format("15:04:05"))
}

// setAfter sets ev after d.
//
// async
func setAfter(ev *rt.Event, d time.Duration) {
	rt.Sleep(d)
	ev.Set()
}

func ExampleEvent() {
	ev := &rt.Event{}
	rt.Run(rt.Gather(waitForAsync(ev, "a"), waitForAsync(ev, "b"), setAfterAsync(ev, time.Minute)), rt.VirtualTime())
	// Output:
	// a sees the event at 00:01:00
	// b sees the event at 00:01:00
}
