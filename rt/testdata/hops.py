# Spawn order, default names, sleep(0) turns and gather hops.
import asyncio
from vloop import log, run


async def worker(name, n):
    for i in range(n):
        log(f"{name} step {i}")
        await asyncio.sleep(0)
    log(f"{name} done")
    return name


async def main():
    log("main start")
    a = asyncio.create_task(worker("a", 2), name="alpha")
    b = asyncio.create_task(worker("b", 3))
    log(f"spawned {a.get_name()} {b.get_name()}")
    await asyncio.sleep(0)
    log("main resumed")
    g = asyncio.create_task(worker("ticker", 8))
    r = await asyncio.gather(b, worker("c", 1), a, worker("d", 0))
    log(f"gathered {' '.join(r)}")
    x = await a
    log(f"awaited done task {x}")
    await g
    return "ok"


run(main)
