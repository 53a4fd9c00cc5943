package rt

import (
	"sync/atomic"
	"time"
)

// Sleep pauses the current task for d; other tasks run meanwhile. A d <= 0
// yields to the loop for exactly one iteration (asyncio.sleep(0)).
//
// Sleep is async: inside an //async function the generator awaits
// SleepAsync. Called from ordinary code it is time.Sleep(d).
func Sleep(d time.Duration) { time.Sleep(d) }

// SleepAsync is the companion of Sleep.
func SleepAsync(d time.Duration) Awaitable[struct{}] {
	if d <= 0 {
		return sleepFor(0) // boxing 0 allocates nothing
	}
	return sleepBox(d) // out of line, so that a yield's SleepAsync inlines
}

// sleepBox returns the boxed sleepFor of d, shared with the last sleep of
// the same duration.
func sleepBox(d time.Duration) Awaitable[struct{}] {
	// The boxed duration lives as long as the sleep (in the awaiting
	// frame), so a million tasks sleeping the same time would hold a
	// million copies: the last one made is shared instead. The loops of a
	// process share it, hence the atomic pointer.
	if p := lastSleep.Load(); p != nil && time.Duration(*p) == d {
		return p
	}
	p := new(sleepFor)
	*p = sleepFor(d)
	lastSleep.Store(p)
	return p
}

// lastSleep is the duration of the last SleepAsync that was not a yield,
// boxed, for the next one with the same duration.
var lastSleep atomic.Pointer[sleepFor]

// sleepFor is the awaitable of a sleep: a plain duration, boxed as a
// pointer by SleepAsync (a yield's zero boxes for free). The timer action
// that wakes the task is the task itself (see sleepTimer), so a sleep
// allocates nothing of its own.
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
