package bench

import "github.com/asyncgen/asyncgen/rt"

// queuePlayer takes a value from in and puts the next one on out, rounds
// times: each Get parks until the peer's Put wakes it.
//
// async
func queuePlayer(in, out *rt.Queue[int], rounds int) int {
	v := 0
	for i := 0; i < rounds; i++ {
		v, _ = in.Get()
		out.Put(v + 1)
	}
	return v
}

// queuePingPong runs two players over two queues of capacity 1 for rounds
// rounds each: 2*rounds hand-overs, each one suspension and one wake-up.
//
// async
func queuePingPong(rounds int) int {
	a := rt.NewQueue[int](1)
	b := rt.NewQueue[int](1)
	pa := rt.Spawn(queuePlayerAsync(a, b, rounds))
	pb := rt.Spawn(queuePlayerAsync(b, a, rounds))
	a.TryPut(0)
	x, _ := rt.Await(pa)
	y, _ := rt.Await(pb)
	return x + y
}

// lockUser takes mu n times and yields once while holding it, so the
// other user is always queued on the lock: every release hands it over.
//
// async
func lockUser(mu *rt.Lock, n int, held *int) {
	for i := 0; i < n; i++ {
		mu.Acquire()
		*held++
		rt.Sleep(0)
		mu.Release()
	}
}

// lockHandOff runs two lock users side by side: 2*n acquisitions.
//
// async
func lockHandOff(n int) (int, error) {
	mu := &rt.Lock{}
	held := 0
	_, err := rt.Await(rt.Gather(lockUserAsync(mu, n, &held), lockUserAsync(mu, n, &held)))
	return held, err
}
