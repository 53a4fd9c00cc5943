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
    def __init__(self):
        self._vt = 0.0
        super().__init__(_JumpSelector(self))
        self._selector._vloop = self
        self._clock_resolution = 1e-9

    def time(self):
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
