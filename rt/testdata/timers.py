# Timer order, ties, and the hops from a timer to the woken code: direct,
# through a future, and through gather, measured against a sleep(0) worker.
import asyncio
from vloop import log, now, run


async def sleeper(name, d):
    log(f"{name} sleep {d:g}")
    await asyncio.sleep(d)
    log(f"{name} woke at {now()}")
    return name


async def worker(name, n):
    for i in range(n):
        log(f"{name} step {i}")
        await asyncio.sleep(0)
    log(f"{name} done")
    return name


async def via_gather():
    await asyncio.gather(asyncio.sleep(1))
    log(f"via_gather woke at {now()}")


async def via_future(fut):
    v = await fut
    log(f"via_future got {v}")


async def setter(fut):
    await asyncio.sleep(1)
    log("setter sets")
    fut.set_result(7)


async def main():
    fut = asyncio.get_running_loop().create_future()
    ts = [
        asyncio.create_task(sleeper("s3", 3)),
        asyncio.create_task(sleeper("s1a", 1)),
        asyncio.create_task(via_gather()),
        asyncio.create_task(sleeper("s1b", 1)),
        asyncio.create_task(setter(fut)),
        asyncio.create_task(via_future(fut)),
        asyncio.create_task(sleeper("s2", 2)),
    ]
    await asyncio.sleep(1)
    log(f"main woke at {now()}")
    await worker("main", 6)
    await asyncio.gather(*ts)
    log(f"end at {now()}")


run(main)
