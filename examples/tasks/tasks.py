"""Five tasks spawned in a loop sleep at the same time: the CPython twin of main.go.

Port of the seeds' test_async.py (and, for comparison, test_noasync.py). Run it with
    ASYNCGEN_UNIT=1 python3 tasks.py
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


async def example_coroutine(i):
    """Stands for waiting on the network: 3 units."""
    await asyncio.sleep(3 * UNIT)
    print(f"coroutine {i} finished")


async def spawned():
    """Spawning returns at once; the five sleeps overlap."""
    print("== spawned in a loop")
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    tasks = []
    for i in range(5):
        print(f"time passed after iter {i} is {units(loop.time() - t0)}")
        tasks.append(asyncio.create_task(example_coroutine(i)))
    await asyncio.gather(*tasks)
    print(f"total time needed was {units(loop.time() - t0)}")


async def awaited():
    """Awaiting each call in the loop runs the sleeps one after another."""
    print("== awaited in a loop")
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    for i in range(5):
        print(f"time passed after iter {i} is {units(loop.time() - t0)}")
        await example_coroutine(i)
    print(f"total time needed was {units(loop.time() - t0)}")


async def main():
    await spawned()
    await awaited()


if __name__ == "__main__":
    asyncio.run(main())
