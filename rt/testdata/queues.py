# Bounded queue between two producers and two consumers with join/task_done;
# LIFO and priority order; a woken getter whose item is taken by get_nowait
# waits again at the back; a cancelled woken getter passes the item on; a
# cancelled woken putter passes its slot on.
import asyncio
from vloop import log, now, run


async def producer(name, q, n):
    for i in range(n):
        await q.put(f"{name}{i}")
        log(f"{name} put {name}{i} size={q.qsize()}")
    log(f"{name} done")


async def consumer(name, q):
    while True:
        v = await q.get()
        log(f"{name} got {v} at {now()}")
        await asyncio.sleep(1)
        q.task_done()


async def getter(name, q):
    log(f"{name} waits")
    v = await q.get()
    log(f"{name} got {v}")


async def putter(name, q, v):
    log(f"{name} puts {v}")
    await q.put(v)
    log(f"{name} put {v}")


async def main():
    q = asyncio.Queue(2)
    cs = [asyncio.create_task(consumer(f"c{i}", q)) for i in range(2)]
    await asyncio.gather(producer("a", q, 3), producer("b", q, 3))
    log(f"produced at {now()}")
    await q.join()
    log(f"joined at {now()}")
    for c in cs:
        c.cancel()

    lq = asyncio.LifoQueue()
    pq = asyncio.PriorityQueue()
    for v in [3, 1, 4, 1, 5, 9, 2, 6]:
        lq.put_nowait(v)
        pq.put_nowait(v)
    log(f"lifo {[lq.get_nowait() for _ in range(8)]}")
    log(f"prio {[pq.get_nowait() for _ in range(8)]}")

    q = asyncio.Queue()
    g = [asyncio.create_task(getter(f"g{i}", q)) for i in range(4)]
    await asyncio.sleep(0)
    q.put_nowait("x")  # wakes g0
    log(f"main steals {q.get_nowait()}")  # g0 must wait again, at the back
    q.put_nowait("y")  # wakes g1
    g[1].cancel()      # woken, not yet run: y goes to g2
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    q.put_nowait("z")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    log(f"left {q.qsize()}")
    q.put_nowait("w")
    await asyncio.gather(g[0], g[2], g[3])

    q = asyncio.Queue(1)
    q.put_nowait("full")
    ps = [asyncio.create_task(putter(f"p{i}", q, f"v{i}")) for i in range(3)]
    await asyncio.sleep(0)
    log(f"main got {q.get_nowait()}")  # wakes p0
    ps[0].cancel()                     # its slot goes to p1
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    log(f"main got {q.get_nowait()}")
    await ps[2]
    log(f"main got {q.get_nowait()} full={q.full()}")


run(main)
