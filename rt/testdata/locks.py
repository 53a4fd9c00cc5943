# Lock hand-off in FIFO order, a reserved lock that a newcomer cannot take,
# cancelled next owners passing the lock on; Event set/clear; Semaphore.
import asyncio
from vloop import log, now, run


async def locker(name, lock):
    log(f"{name} wants")
    await lock.acquire()
    log(f"{name} holds at {now()}")
    await asyncio.sleep(1)
    log(f"{name} releases")
    lock.release()


async def ewaiter(name, ev):
    log(f"{name} waits")
    await ev.wait()
    log(f"{name} woke, set={ev.is_set()}")


async def worker(name, sem, d):
    log(f"{name} wants")
    await sem.acquire()
    log(f"{name} in at {now()}")
    await asyncio.sleep(d)
    log(f"{name} out")
    sem.release()


async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    a = asyncio.create_task(locker("a", lock))
    q = asyncio.create_task(locker("q", lock))
    b = asyncio.create_task(locker("b", lock))
    await asyncio.sleep(0)
    lock.release()
    log(f"main released: locked={lock.locked()}")
    c = asyncio.create_task(locker("c", lock))
    a.cancel()  # woken, not yet run: the lock goes to q
    await asyncio.sleep(0)
    q.cancel()  # woken in its turn: the lock goes to b
    await asyncio.sleep(0)
    log(f"main: locked={lock.locked()}")
    await asyncio.gather(b, c)

    ev = asyncio.Event()
    for i in range(3):
        asyncio.create_task(ewaiter(f"e{i}", ev))
    await asyncio.sleep(0)
    ev.set()
    ev.clear()
    log("set and cleared")
    asyncio.create_task(ewaiter("e3", ev))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    log("set again")
    ev.set()
    await asyncio.sleep(0)

    sem = asyncio.Semaphore(2)
    await asyncio.gather(worker("s1", sem, 3), worker("s2", sem, 1),
                         worker("s3", sem, 1), worker("s4", sem, 1))
    log(f"end at {now()}")


run(main)
