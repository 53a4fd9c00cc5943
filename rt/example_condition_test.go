package rt_test

import (
	"fmt"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

// takeItem waits until there is an item and takes it.
//
// async
func takeItem(cv *rt.Condition, items *[]string, name string) {
	cv.L.Acquire()
	cv.WaitFor(func() bool { return len(*items) > 0 })
	fmt.Println(name, "takes", (*items)[0])
	*items = (*items)[1:]
	cv.L.Release()
}

// addItems adds two items after a second and wakes every taker.
//
// async
func addItems(cv *rt.Condition, items *[]string) {
	rt.Sleep(time.Second)
	cv.L.Acquire()
	*items = append(*items, "x", "y")
	cv.NotifyAll()
	cv.L.Release()
}

func ExampleCondition() {
	cv := rt.NewCondition(nil)
	var items []string
	rt.Run(rt.Gather(takeItemAsync(cv, &items, "a"), takeItemAsync(cv, &items, "b"), addItemsAsync(cv, &items)), rt.VirtualTime())
	// Output:
	// a takes x
	// b takes y
}
