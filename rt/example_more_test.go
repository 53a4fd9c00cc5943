package rt_test

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

//go:generate go tool asyncgen

// The examples below are written as users write them: //async functions,
// with the companions (xAsync) generated into example_more_async_test.go.

// lookup takes took to answer key.
//
// async
func lookup(key string, took time.Duration) (string, error) {
	defer fmt.Println("lookup", key, "ends")
	rt.Sleep(took)
	return strings.ToUpper(key), nil
}

// async
func waitForTwice() {
	v, err := rt.Await(rt.WaitFor(lookupAsync("slow", 3*time.Second), time.Second))
	fmt.Printf("%q %v timeout=%v\n", v, err, errors.Is(err, rt.ErrTimeout))
	v, err = rt.Await(rt.WaitFor(lookupAsync("fast", time.Second), 3*time.Second))
	fmt.Printf("%q %v\n", v, err)
}

func ExampleWaitFor() {
	rt.Run(waitForTwiceAsync(), rt.VirtualTime())
	// Output:
	// lookup slow ends
	// "" rt: timeout timeout=true
	// lookup fast ends
	// "FAST" <nil>
}

// async
func firstOfThree() error {
	a := rt.Spawn(lookupAsync("a", 3*time.Second))
	b := rt.Spawn(lookupAsync("b", time.Second))
	c := rt.Spawn(lookupAsync("c", 2*time.Second))
	i, err := rt.Await(rt.WaitAny[string](a, b, c))
	if err != nil {
		return err
	}
	fmt.Println("first done:", i, "at", rt.Now().Format("15:04:05"))
	a.Cancel() // the others keep running until cancelled or done
	_, err = rt.Await(c)
	return err
}

func ExampleWaitAny() {
	rt.Run(firstOfThreeAsync(), rt.VirtualTime())
	// Output:
	// lookup b ends
	// first done: 1 at 00:00:01
	// lookup a ends
	// lookup c ends
}

// async
func inOrderOfFinishing() error {
	done := rt.AsCompleted(
		lookupAsync("three", 3*time.Second),
		lookupAsync("one", time.Second),
		lookupAsync("two", 2*time.Second),
	)
	for done.More() {
		v, err := done.Next()
		if err != nil {
			return err
		}
		fmt.Println("got", v)
	}
	return nil
}

func ExampleAsCompleted() {
	rt.Run(inOrderOfFinishingAsync(), rt.VirtualTime())
	// Output:
	// lookup one ends
	// got ONE
	// lookup two ends
	// got TWO
	// lookup three ends
	// got THREE
}

// save must finish even when its caller gives up.
//
// async
func save(what string) string {
	rt.Sleep(2 * time.Second)
	fmt.Println("saved", what)
	return what
}

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

// worker fails after d when fail is set, and otherwise runs for an hour.
//
// async
func worker(name string, d time.Duration, fail bool) error {
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

// async
func group() {
	g := rt.NewTaskGroup()
	rt.Spawn(workerAsync("a", time.Second, true), rt.InGroup(g), rt.Name("a"))
	rt.Spawn(workerAsync("b", 0, false), rt.InGroup(g), rt.Name("b"))
	rt.Spawn(workerAsync("c", 2*time.Second, true), rt.InGroup(g), rt.Name("c"))
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

// async
func cancelOne() {
	t := rt.Spawn(workerAsync("sleeper", 0, false), rt.Name("sleeper"))
	rt.Sleep(time.Second)
	t.Cancel()
	_, err := rt.Await(t)
	fmt.Println("awaiter sees:", err, errors.Is(err, rt.ErrCanceled))
}

func ExampleTask_Cancel() {
	rt.Run(cancelOneAsync(), rt.VirtualTime())
	// Output:
	// sleeper cancelled
	// awaiter sees: rt: canceled true
}

func ExampleLoop() {
	lp := rt.NewLoop(rt.VirtualTime())
	start := lp.Time()
	lp.CallLater(2*time.Second, func() {
		fmt.Println("later, at", lp.Time().Sub(start))
		lp.Stop()
	})
	lp.CallSoon(func() { fmt.Println("soon") })
	lp.CallSoon(func() { fmt.Println("soon, second") })
	err := lp.RunForever() // until a callback calls Stop
	lp.Close()
	fmt.Println("stopped:", err)
	// Output:
	// soon
	// soon, second
	// later, at 2s
	// stopped: <nil>
}

// async
func readConfig() (int, error) {
	// os.ReadFile blocks: run it on rt's thread pool, not on the loop.
	data, err := rt.ToThread(func() ([]byte, error) { return os.ReadFile("doc.go") })
	if err != nil {
		return 0, err
	}
	return strings.Count(string(data), "\n") / 1000, nil
}

func ExampleToThread() {
	n, err := rt.Run(readConfigAsync())
	fmt.Println(n, err)
	// Output: 0 <nil>
}

// async
func someFail() {
	rs, _ := rt.Await(rt.GatherAll(
		lookupAsync("x", time.Second),
		rt.WaitFor(lookupAsync("y", 5*time.Second), 2*time.Second),
	))
	for _, r := range rs {
		fmt.Printf("%q %v\n", r.Value, r.Err)
	}
}

func ExampleGatherAll() {
	rt.Run(someFailAsync(), rt.VirtualTime())
	// Output:
	// lookup x ends
	// lookup y ends
	// "X" <nil>
	// "" rt: timeout
}

// async
func forgotten() {
	rt.Spawn(workerAsync("lost", time.Second, true), rt.Name("lost"))
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

// async
func answerLater(f *rt.Future[int]) {
	rt.Sleep(time.Second)
	f.SetResult(42)
}

// async
func awaitFuture() (int, error) {
	f := rt.NewFuture[int]()
	rt.Spawn(answerLaterAsync(f))
	return rt.Await(f)
}

func ExampleNewFuture() {
	fmt.Println(rt.Run(awaitFutureAsync(), rt.VirtualTime()))
	// Output: 42 <nil>
}

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
