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
	return &sleepOp{d: d}
}

// sleepOp is both the awaitable and the timer action: when the deadline
// passes, the loop runs it as a callback, which wakes the task on the next
// iteration (CPython: call_later sets a future, whose done callback wakes
// the task).
type sleepOp struct {
	d time.Duration
	c *Coro
}

func (s *sleepOp) AwaitStart(c *Coro) Status {
	if s.d <= 0 {
		c.loop.schedule(c)
		return Suspended
	}
	s.c = c
	c.loop.at(c.loop.clock()+int64(s.d), s)
	return Suspended
}

func (s *sleepOp) run() {
	c := s.c
	s.c = nil
	c.loop.schedule(c)
}

func (s *sleepOp) AwaitResult() (struct{}, error) { return struct{}{}, nil }
