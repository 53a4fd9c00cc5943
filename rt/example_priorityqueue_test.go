package rt_test

import (
	"fmt"

	"github.com/asyncgen/asyncgen/rt"
)

// byPriority puts values in a priority queue and takes them smallest
// first.
//
// async
func byPriority() error {
	q := rt.NewPriorityQueue(0, func(a, b int) bool { return a < b })
	for _, v := range []int{5, 1, 4, 2, 3} {
		if err := q.Put(v); err != nil {
			return err
		}
	}
	for !q.Empty() {
		v, err := q.Get()
		if err != nil {
			return err
		}
		fmt.Print(v, " ")
	}
	fmt.Println()
	return nil
}

func ExampleNewPriorityQueue() {
	rt.Run(byPriorityAsync())
	// Output: 1 2 3 4 5
}
