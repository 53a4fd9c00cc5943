"""Producers and consumers over a bounded queue: the CPython twin of main.go.

Run it with
    ASYNCGEN_UNIT=0.1 python3 prodcons.py
"""

import asyncio
import os

UNIT = float(os.environ.get("ASYNCGEN_UNIT", "0.1"))
start = 0.0


def say(s):
    print(f"{int((asyncio.get_running_loop().time() - start) / UNIT + 1e-6):2d} {s}")


async def producer(name, q, n):
    for i in range(1, n + 1):
        item = f"{name}-{i}"
        await q.put(item)
        say(f"{name} put {item} ({q.qsize()} queued)")
        await asyncio.sleep(UNIT)


async def consumer(name, q, tenths):
    try:
        while True:
            item = await q.get()
            await asyncio.sleep(tenths * UNIT / 10)
            say(f"{name} handled {item}")
            q.task_done()
    finally:
        say(f"{name} stops")


async def main():
    global start
    start = asyncio.get_running_loop().time()
    q = asyncio.Queue(2)
    consumers = [asyncio.create_task(consumer(n, q, 23 + 11 * i), name=n) for i, n in enumerate(("c1", "c2", "c3"))]
    async with asyncio.TaskGroup() as producers:
        producers.create_task(producer("p1", q, 4))
        producers.create_task(producer("p2", q, 4))
    await q.join()
    say("all items handled")
    for c in consumers:
        c.cancel()
    for c in consumers:
        try:
            await c
        except asyncio.CancelledError:
            pass


if __name__ == "__main__":
    asyncio.run(main())
