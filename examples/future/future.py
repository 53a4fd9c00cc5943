"""A future set by one coroutine and awaited by another: the CPython twin of main.go.

Port of the seeds' foo/bar future program. Run it with
    ASYNCGEN_UNIT=1 python3 future.py
ASYNCGEN_UNIT is the length of one unit in seconds (default 0.05).
"""

import asyncio
import os

UNIT = float(os.environ.get("ASYNCGEN_UNIT", "0.05"))


def units(seconds):
    """Formats a duration in whole units, like main.go.

    Sleeps end late, never early, so the count is rounded down, after
    allowing a tenth of a unit for the clock's granularity.
    """
    n = int(seconds / UNIT + 0.1)
    return f"{n} unit" if n == 1 else f"{n} units"


async def bar(future):
    """Sleeps, then marks the future as done."""
    print("bar will sleep for 2 units")
    await asyncio.sleep(2 * UNIT)
    print("bar resolving the future")
    future.set_result("future is resolved")
    return "bar is done"


async def foo(future):
    """Waits until the future is resolved somewhere else."""
    print("foo will await the future")
    result = await future
    print(f"future result: {result}")
    print(f"is the future done? {str(future.done()).lower()}")
    return result


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    future = loop.create_future()
    results = await asyncio.gather(foo(future), bar(future))
    for i, result in enumerate(results):
        print(f"result {i}: {result}")
    print(f"main exiting after {units(loop.time() - start)}")


if __name__ == "__main__":
    asyncio.run(main())
