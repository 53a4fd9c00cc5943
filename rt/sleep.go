package rt

import "time"

// Sleep pauses the current task for d; other tasks run meanwhile. A d <= 0
// yields to the loop for exactly one iteration (asyncio.sleep(0)).
//
// Sleep is async: inside an //async function the generator awaits
// SleepAsync. Called from ordinary code it is time.Sleep(d).
func Sleep(d time.Duration) { time.Sleep(d) }

// SleepAsync is the companion of Sleep.
func SleepAsync(d time.Duration) Awaitable[struct{}] {
	return sleepFor(d)
}

// sleepFor is the awaitable of a sleep. It is a plain duration: the timer
// action that wakes the task is the task itself (see sleepTimer), so a sleep
// allocates nothing of its own (and boxing a small duration, such as the 0
// of a yield, allocates nothing either).
type sleepFor time.Duration

func (d sleepFor) AwaitStart(c *Coro) Status {
	if d <= 0 {
		c.loop.schedule(c)
		return Suspended
	}
	c.sleepSeq = c.loop.at(c.loop.clock()+int64(d), (*sleepTimer)(c))
	return Suspended
}

func (sleepFor) AwaitResult() (struct{}, error) { return struct{}{}, nil }

// sleepTimer is a task seen as the action of its sleep's timer: when the
// deadline passes, the loop runs it as a callback, which schedules the task
// for the next iteration (CPython: call_later sets a future, whose done
// callback wakes the task). A task sleeps in one place at a time, so one
// timer action per task suffices.
type sleepTimer Coro

func (s *sleepTimer) run() {
	c := (*Coro)(s)
	c.sleepSeq = 0
	c.loop.schedule(c)
}
