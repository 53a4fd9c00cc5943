package rt_test

import (
	"fmt"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

// fetch pretends to download name, which takes d.
//
// async
func fetch(name string, d time.Duration) (string, error) {
	lp := rt.CurrentLoop()
	defer func() { fmt.Println("fetch", name, "cleans up at", lp.Time().Format("15:04:05")) }()
	rt.Sleep(d)
	return name + " body", nil
}

// fetchAll fetches a and b within one deadline (asyncio: async with
// asyncio.timeout(3): ...).
//
// async
func fetchAll(a, b string) (string, error) {
	x, err := fetch(a, time.Second)
	if err != nil {
		return "", err
	}
	y, err := fetch(b, 5*time.Second)
	return x + ", " + y, err
}

// fetchWithin bounds fetchAll with a timeout scope, then one fetch with
// rt.Timeout.
//
// async
func fetchWithin() error {
	scope := rt.NewTimeout(3 * time.Second)
	v, err := rt.Await(rt.Within(scope, fetchAllAsync("a", "b")))
	fmt.Printf("%q %v (expired: %v) at %s\n", v, err, scope.Expired(), rt.Now().Format("15:04:05"))
	v, err = rt.Await(rt.Timeout(3*time.Second, fetchAsync("c", time.Second)))
	fmt.Printf("%q %v\n", v, err)
	return nil
}

func ExampleTimeout() {
	rt.Run(fetchWithinAsync(), rt.VirtualTime())
	// Output:
	// fetch a cleans up at 00:00:01
	// fetch b cleans up at 00:00:03
	// "" rt: timeout (expired: true) at 00:00:03
	// fetch c cleans up at 00:00:04
	// "c body" <nil>
}
