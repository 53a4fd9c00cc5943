"""A virtual-time asyncio loop for comparing traces with rt.VirtualTime.

The clock starts at 0 and, when nothing is ready, jumps to the next timer
(Trio's autojump clock): select(timeout) advances the clock by timeout.
Scheduling is CPython's own BaseEventLoop._run_once, untouched.
"""
import asyncio
import selectors


class _JumpSelector(selectors.DefaultSelector):
    def __init__(self, loop):
        super().__init__()
        self._vloop = loop

    def select(self, timeout=None):
        if timeout is None:
            raise RuntimeError("deadlock: nothing ready and no timer")
        events = super().select(0)
        self._vloop._vt += timeout
        return events


class VirtualLoop(asyncio.SelectorEventLoop):
    """ticking: every reading of the clock advances it by a nanosecond, as a
    real clock would, so timers set one after another with the same delay
    fire in the order they were set (CPython's timer heap breaks exact ties
    arbitrarily; rt breaks them by the order they were set)."""

    def __init__(self, ticking=False):
        self._vt = 0.0
        self._ticks = 0
        self._ticking = ticking
        super().__init__(_JumpSelector(self))
        self._selector._vloop = self
        self._clock_resolution = 1e-9

    def time(self):
        if self._ticking:
            self._ticks += 1
            return self._vt + self._ticks * 1e-9
        return self._vt


def log(line):
    print(line, flush=True)


def now():
    return f"{asyncio.get_running_loop().time():g}"


def run(main):
    loop = VirtualLoop()
    asyncio.set_event_loop(loop)
    try:
        return loop.run_until_complete(main())
    finally:
        loop.close()


class _VirtualPolicy(asyncio.DefaultEventLoopPolicy):
    def new_event_loop(self):
        return VirtualLoop(ticking=True)


def install():
    """Make asyncio.run (and new_event_loop) use a VirtualLoop, so a program
    written for real time runs under the virtual clock unchanged."""
    asyncio.set_event_loop_policy(_VirtualPolicy())
