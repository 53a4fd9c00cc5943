package rt_test

import (
	"fmt"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

// child works for d.
//
// async
func child(name string, d time.Duration) (string, error) {
	rt.Sleep(d)
	fmt.Println(name, "done at", rt.Now().Format("15:04:05"))
	return name, nil
}

// spawner starts child as a task of its own (asyncio.create_task), goes
// on, then awaits it.
//
// async
func spawner() (string, error) {
	t := rt.Spawn(childAsync("child", time.Second), rt.Name("child"))
	fmt.Println("spawned", t.Name())
	return rt.Await(t)
}

func ExampleSpawn() {
	v, err := rt.Run(spawnerAsync(), rt.VirtualTime())
	fmt.Println(v, err)
	// Output:
	// spawned child
	// child done at 00:00:01
	// child <nil>
}
