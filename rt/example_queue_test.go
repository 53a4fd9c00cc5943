package rt_test

import (
	"fmt"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

// produce puts n jobs in q, waiting while q is full, then shuts it down.
//
// async
func produce(q *rt.Queue[int], n int) {
	for i := 1; i <= n; i++ {
		q.Put(i)
		fmt.Println("put", i)
	}
	q.Shutdown(false)
}

// consume takes jobs until q is shut down and drained.
//
// async
func consume(q *rt.Queue[int]) error {
	for {
		v, err := q.Get()
		if err != nil {
			fmt.Println("consumer:", err)
			return nil
		}
		rt.Sleep(time.Second)
		fmt.Println("got", v, "at", rt.Now().Format("15:04:05"))
	}
}

// producerConsumer runs both on a queue of two.
//
// async
func producerConsumer() error {
	q := rt.NewQueue[int](2)
	_, err := rt.Await(rt.Gather(produceAsync(q, 3), consumeAsync(q)))
	return err
}

func ExampleQueue() {
	rt.Run(producerConsumerAsync(), rt.VirtualTime())
	// Output:
	// put 1
	// put 2
	// put 3
	// got 1 at 00:00:01
	// got 2 at 00:00:02
	// got 3 at 00:00:03
	// consumer: rt: queue shut down
}
