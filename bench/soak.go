package bench

import (
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

// shortTask is one of the soak test's tasks: by its number it finishes at
// once, sleeps a little, sleeps an hour (and is cancelled), or times out.
//
// async
func shortTask(i int) (int, error) {
	switch i % 4 {
	case 0:
		return i, nil
	case 1:
		rt.Sleep(time.Millisecond)
		return i, nil
	case 2:
		rt.Sleep(time.Hour) // cancelled by soak
		return i, nil
	}
	return rt.Await(rt.WaitFor(sleepyAsync(i), time.Millisecond))
}

// sleepy outlives its WaitFor.
//
// async
func sleepy(i int) (int, error) {
	rt.Sleep(time.Hour)
	return i, nil
}

// soak runs total short tasks, batch at a time, cancelling every fourth,
// and calls check after each batch.
//
// async
func soak(total, batch int, check func(done int)) error {
	for done := 0; done < total; done += batch {
		tasks := make([]*rt.Task[int], batch)
		for j := range tasks {
			tasks[j] = rt.Spawn(shortTaskAsync(done + j))
		}
		rt.Sleep(0) // every task takes its first step
		for j, t := range tasks {
			if (done+j)%4 == 2 {
				t.Cancel()
			}
		}
		for _, t := range tasks {
			rt.Await(t)
		}
		check(done + batch)
	}
	return nil
}
