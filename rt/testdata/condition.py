# Condition: notify(n) wakes waiters in order, each re-acquires the lock in
# turn; wait_for rechecks. Barrier: the last arrival goes on at once, the
# others on the next iteration in arrival order; a fast task blocks while
# the round drains; abort breaks the barrier.
import asyncio
from vloop import log, now, run


async def cwaiter(name, cond):
    async with cond:
        log(f"{name} waits")
        await cond.wait()
        log(f"{name} notified at {now()}")
        await asyncio.sleep(1)
        log(f"{name} leaves")


async def pwaiter(name, cond, box):
    async with cond:
        await cond.wait_for(lambda: box[0] >= 2)
        log(f"{name} sees {box[0]}")


async def party(name, barrier, rounds):
    for r in range(rounds):
        log(f"{name} arrives r{r}")
        try:
            i = await barrier.wait()
            log(f"{name} passes r{r} as {i}")
        except asyncio.BrokenBarrierError:
            log(f"{name} broken r{r}")
            return


async def main():
    cond = asyncio.Condition()
    for i in range(4):
        asyncio.create_task(cwaiter(f"c{i}", cond))
    await asyncio.sleep(0)
    async with cond:
        cond.notify(2)
        log("notified 2")
    await asyncio.sleep(5)
    async with cond:
        cond.notify_all()
        log("notified all")
    await asyncio.sleep(5)

    box = [0]
    asyncio.create_task(pwaiter("p0", cond, box))
    asyncio.create_task(pwaiter("p1", cond, box))
    await asyncio.sleep(0)
    for _ in range(2):
        async with cond:
            box[0] += 1
            log(f"box {box[0]}")
            cond.notify_all()
        await asyncio.sleep(0)
    await asyncio.sleep(0)

    barrier = asyncio.Barrier(3)
    await asyncio.gather(party("b0", barrier, 2), party("b1", barrier, 2), party("b2", barrier, 2))
    log(f"waiting {barrier.n_waiting}")
    t = asyncio.create_task(party("x", barrier, 1))
    await asyncio.sleep(0)
    await barrier.abort()
    await t
    log(f"broken {barrier.broken}")
    await barrier.reset()
    await asyncio.gather(party("y0", barrier, 1), party("y1", barrier, 1), party("y2", barrier, 1))


run(main)
