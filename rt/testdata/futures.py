# Waiters of one future wake in order; a done future does not suspend;
# gather fails with the first error while the others keep running.
import asyncio
from vloop import log, now, run


async def waiter(name, fut):
    log(f"{name} waits")
    try:
        v = await fut
        log(f"{name} got {v}")
    except Exception as e:
        log(f"{name} error {e}")


async def sleeper(name, d):
    log(f"{name} sleep {d:g}")
    await asyncio.sleep(d)
    log(f"{name} woke at {now()}")
    return name


async def failer(name, d):
    await asyncio.sleep(d)
    log(f"{name} fails")
    raise ValueError(name)


async def worker(name, n):
    for i in range(n):
        log(f"{name} step {i}")
        await asyncio.sleep(0)
    log(f"{name} done")
    return name


async def main():
    fut = asyncio.get_running_loop().create_future()
    for i in range(3):
        asyncio.create_task(waiter(f"w{i}", fut))
    t = asyncio.create_task(worker("t", 4))
    await asyncio.sleep(0)
    log("main sets")
    fut.set_result(42)
    log("main set")
    v = await fut
    log(f"main got {v} at once")
    await asyncio.sleep(0)
    log("main after sleep0")
    await t
    try:
        await asyncio.gather(sleeper("g1", 2), failer("f1", 1), sleeper("g2", 3))
    except Exception as e:
        log(f"gather failed: {e} at {now()}")
    await asyncio.sleep(5)
    log(f"main end at {now()}")


run(main)
