"""Three coroutines share a counter across a sleep: the CPython twin of main.go.

Port of the seeds' shared-counter program. Run it with
    ASYNCGEN_UNIT=1 python3 counter.py
ASYNCGEN_UNIT is the length of one unit in seconds (default 0.05).
"""

import asyncio
import os

UNIT = float(os.environ.get("ASYNCGEN_UNIT", "0.05"))

count = 0


def units(seconds):
    """Formats a duration in whole units, like main.go.

    Sleeps end late, never early, so the count is rounded down, after
    allowing a tenth of a unit for the clock's granularity.
    """
    n = int(seconds / UNIT + 0.1)
    return f"{n} unit" if n == 1 else f"{n} units"


async def worker():
    global count
    print(f"begin: count is {count}")
    count += 1
    await asyncio.sleep(UNIT)
    count -= 1
    print(f"end: count is {count}")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.gather(worker(), worker(), worker())
    print(f"main executed in {units(loop.time() - start)}")


if __name__ == "__main__":
    print("main starting")
    asyncio.run(main())
