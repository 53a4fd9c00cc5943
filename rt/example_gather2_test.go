package rt_test

import (
	"fmt"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

// title yields a string.
//
// async
func title(id int) (string, error) {
	rt.Sleep(2 * time.Second)
	return fmt.Sprint("post ", id), nil
}

// likes yields an int.
//
// async
func likes(id int) (int, error) {
	rt.Sleep(time.Second)
	return id * 10, nil
}

// mark yields nothing.
//
// async
func mark(id int) error {
	rt.Sleep(time.Second)
	fmt.Println("marked", id, "read")
	return nil
}

// showPost gathers three coroutines of different result types at once
// (asyncio: await gather(title(id), likes(id), mark(id))).
//
// async
func showPost(id int) error {
	t, err := rt.Await(rt.Gather3(titleAsync(id), likesAsync(id), markAsync(id)))
	if err != nil {
		return err
	}
	name, n, _ := t.Values()
	fmt.Println(name, "has", n, "likes, at", rt.Now().Format("15:04:05"))
	return nil
}

func ExampleGather2() {
	rt.Run(showPostAsync(7), rt.VirtualTime())
	// Output:
	// marked 7 read
	// post 7 has 70 likes, at 00:00:02
}
