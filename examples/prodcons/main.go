// Command prodcons runs producers and consumers over a bounded queue: two
// producers make items faster than three consumers can handle them, so
// the producers wait whenever the queue is full (backpressure); Join waits
// until every item has been handled, and the consumers are then
// cancelled. The queue of the second tutorial's sample_async, made async.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

//go:generate go tool asyncgen

var (
	out   io.Writer = os.Stdout
	unit  time.Duration
	start time.Time
)

// async
func say(format string, args ...any) {
	fmt.Fprintf(out, "%2d "+format+"\n", append([]any{int(rt.Now().Sub(start) / unit)}, args...)...)
}

// async
func producer(name string, q *rt.Queue[string], n int) error {
	for i := 1; i <= n; i++ {
		item := fmt.Sprintf("%s-%d", name, i)
		if err := q.Put(item); err != nil { // waits while the queue is full
			return err
		}
		say("%s put %s (%d queued)", name, item, q.Len())
		rt.Sleep(unit)
	}
	return nil
}

// consumer handles items; each consumer has its own pace (in tenths of a
// unit), so no two timers of the program ever fall due at the same instant
// and the order of events is the same on any event loop.
//
// async
func consumer(name string, q *rt.Queue[string], tenths int) error {
	defer say("%s stops", name)
	for {
		item, err := q.Get()
		if err != nil {
			return err
		}
		rt.Sleep(time.Duration(tenths) * unit / 10) // handling an item takes a while
		say("%s handled %s", name, item)
		q.TaskDone()
	}
}

// async
func main2() error {
	start = rt.Now()
	q := rt.NewQueue[string](2)
	var consumers []*rt.Task[struct{}]
	for i, name := range []string{"c1", "c2", "c3"} {
		consumers = append(consumers, rt.Spawn(consumerAsync(name, q, 23+11*i), rt.Name(name)))
	}
	producers := rt.NewTaskGroup()
	rt.Spawn(producerAsync("p1", q, 4), rt.InGroup(producers))
	rt.Spawn(producerAsync("p2", q, 4), rt.InGroup(producers))
	if err := producers.Wait(); err != nil {
		return err
	}
	q.Join() // every item handled
	say("all items handled")
	for _, c := range consumers {
		c.Cancel()
	}
	for _, c := range consumers {
		rt.Await(c)
	}
	return nil
}

func run(w io.Writer, u time.Duration, opts ...rt.LoopOption) error {
	out, unit = w, u
	_, err := rt.Run(main2Async(), opts...)
	return err
}

func main() {
	u := flag.Duration("unit", 100*time.Millisecond, "how long one unit lasts")
	flag.Parse()
	if err := run(os.Stdout, *u); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
