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

// critical holds mu around a section that awaits.
//
// async
func critical(mu *rt.Lock, name string) {
	mu.Acquire()
	fmt.Println(name, "in at", rt.Now().Format("15:04:05"))
	rt.Sleep(time.Second)
	mu.Release()
}

func ExampleLock() {
	mu := &rt.Lock{}
	rt.Run(rt.Gather(criticalAsync(mu, "a"), criticalAsync(mu, "b"), criticalAsync(mu, "c")), rt.VirtualTime())
	// Output:
	// a in at 00:00:00
	// b in at 00:00:01
	// c in at 00:00:02
}

// async
func waitFor(ev *rt.Event, name string) {
	ev.Wait()
	fmt.Println(name, "sees the event at", rt.Now().Format("15:04:05"))
}

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

// async
func download(s *rt.Semaphore, name string) {
	s.Acquire()
	fmt.Println(name, "starts at", rt.Now().Format("15:04:05"))
	rt.Sleep(time.Second)
	s.Release()
}

func ExampleSemaphore() {
	s := rt.NewSemaphore(2) // at most two downloads at a time
	rt.Run(rt.Gather(downloadAsync(s, "a"), downloadAsync(s, "b"), downloadAsync(s, "c"), downloadAsync(s, "d")), rt.VirtualTime())
	// Output:
	// a starts at 00:00:00
	// b starts at 00:00:00
	// c starts at 00:00:01
	// d starts at 00:00:01
}

// async
func takeItem(cv *rt.Condition, items *[]string, name string) {
	cv.L.Acquire()
	cv.WaitFor(func() bool { return len(*items) > 0 })
	fmt.Println(name, "takes", (*items)[0])
	*items = (*items)[1:]
	cv.L.Release()
}

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

// async
func runner(b *rt.Barrier, name string, d time.Duration) {
	rt.Sleep(d)
	i, _ := b.Wait()
	fmt.Println(name, "arrived", i, "and goes at", rt.Now().Format("15:04:05"))
}

func ExampleBarrier() {
	b := rt.NewBarrier(3)
	rt.Run(rt.Gather(runnerAsync(b, "a", 3*time.Second), runnerAsync(b, "b", time.Second), runnerAsync(b, "c", 2*time.Second)), rt.VirtualTime())
	// Output:
	// a arrived 2 and goes at 00:00:03
	// b arrived 0 and goes at 00:00:03
	// c arrived 1 and goes at 00:00:03
}
