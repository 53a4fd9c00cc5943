package rt_test

import (
	"fmt"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

// napFrame is what asyncgen generates for:
//
//	//async
//	func nap(name string, d time.Duration) (string, error) {
//		rt.Sleep(d)
//		fmt.Println(name, "woke at", rt.Now().Format("15:04:05"))
//		return name, nil
//	}
type napFrame struct {
	state int
	name  string
	d     time.Duration
	aw0   rt.Awaitable[struct{}]
	aw1   rt.Awaitable[time.Time]
}

func napAsync(name string, d time.Duration) rt.Awaitable[string] {
	return &napFrame{name: name, d: d}
}

func (f *napFrame) AwaitStart(c *rt.Coro) rt.Status { return c.Push(f) }
func (f *napFrame) AwaitResult() (string, error)    { return f.name, nil }

func (f *napFrame) Resume(c *rt.Coro) rt.Status {
	if c.Unwinding() {
		return rt.Ready
	}
	switch f.state {
	case 1:
		goto resume1
	case 2:
		goto resume2
	}
	f.aw0 = rt.SleepAsync(f.d)
	f.state = 1
	if s := f.aw0.AwaitStart(c); s != rt.Ready {
		return s
	}
resume1:
	f.aw0.AwaitResult()
	f.aw1 = rt.NowAsync()
	f.state = 2
	if s := f.aw1.AwaitStart(c); s != rt.Ready {
		return s
	}
resume2:
	{
		now, _ := f.aw1.AwaitResult()
		fmt.Println(f.name, "woke at", now.Format("15:04:05"))
	}
	return rt.Ready
}

func ExampleRun() {
	name, err := rt.Run(napAsync("main", time.Hour), rt.VirtualTime())
	fmt.Println(name, err)
	// Output:
	// main woke at 01:00:00
	// main <nil>
}

func ExampleSleep() {
	// Under VirtualTime the clock jumps from timer to timer: two hours of
	// sleeping take no real time and keep their order.
	rt.Run(rt.Gather(napAsync("late", 2*time.Hour), napAsync("early", time.Hour)), rt.VirtualTime())
	// Output:
	// early woke at 01:00:00
	// late woke at 02:00:00
}

func ExampleGather() {
	names, err := rt.Run(rt.Gather(
		napAsync("a", 3*time.Second),
		napAsync("b", time.Second),
		napAsync("c", 2*time.Second),
	), rt.VirtualTime())
	fmt.Println(names, err) // results in argument order
	// Output:
	// b woke at 00:00:01
	// c woke at 00:00:02
	// a woke at 00:00:03
	// [a b c] <nil>
}

// spawnFrame is what asyncgen generates for:
//
//	//async
//	func spawner() (string, error) {
//		t := rt.Spawn(nap("child", time.Second), rt.Name("child"))
//		fmt.Println("spawned", t.Name())
//		return rt.Await(t)
//	}
type spawnFrame struct {
	state int
	aw0   rt.Awaitable[*rt.Task[string]]
	t     *rt.Task[string]
	aw1   rt.Awaitable[string]
}

func (f *spawnFrame) AwaitStart(c *rt.Coro) rt.Status { return c.Push(f) }
func (f *spawnFrame) AwaitResult() (string, error)    { return f.aw1.AwaitResult() }

func (f *spawnFrame) Resume(c *rt.Coro) rt.Status {
	if c.Unwinding() {
		return rt.Ready
	}
	switch f.state {
	case 1:
		goto resume1
	case 2:
		goto resume2
	}
	f.aw0 = rt.SpawnAsync(napAsync("child", time.Second), rt.Name("child"))
	f.state = 1
	if s := f.aw0.AwaitStart(c); s != rt.Ready {
		return s
	}
resume1:
	f.t, _ = f.aw0.AwaitResult()
	fmt.Println("spawned", f.t.Name())
	f.aw1 = f.t
	f.state = 2
	if s := f.aw1.AwaitStart(c); s != rt.Ready {
		return s
	}
resume2:
	return rt.Ready
}

func ExampleSpawn() {
	v, err := rt.Run[string](&spawnFrame{}, rt.VirtualTime())
	fmt.Println(v, err)
	// Output:
	// spawned child
	// child woke at 00:00:01
	// child <nil>
}
