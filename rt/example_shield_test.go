package rt_test

import (
	"fmt"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

// save must finish even when its caller gives up.
//
// async
func save(what string) string {
	rt.Sleep(2 * time.Second)
	fmt.Println("saved", what)
	return what
}

// impatient gives the shielded save one second.
//
// async
func impatient() {
	_, err := rt.Await(rt.WaitFor(rt.Shield(saveAsync("report")), time.Second))
	fmt.Println("caller:", err)
	rt.Sleep(2 * time.Second) // the shielded work goes on meanwhile
}

func ExampleShield() {
	rt.Run(impatientAsync(), rt.VirtualTime())
	// Output:
	// caller: rt: timeout
	// saved report
}
