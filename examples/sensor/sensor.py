"""An async generator read under a timeout and until a threshold: the
CPython twin of main.go.

Run it with
    ASYNCGEN_UNIT=0.1 python3 sensor.py
"""

import asyncio
import contextlib
import os

UNIT = float(os.environ.get("ASYNCGEN_UNIT", "0.1"))
start = 0.0


def say(s):
    print(f"{int((asyncio.get_running_loop().time() - start) / UNIT + 1e-6)} {s}")


async def disconnect(name):
    await asyncio.sleep(UNIT / 2)
    say(f"{name}: disconnected")


async def readings(name, values):
    try:
        say(f"{name}: connected")
        for v in values:
            await asyncio.sleep(UNIT)
            try:
                yield v
            except GeneratorExit:
                # Go: yield returned false (a break); a cancellation
                # arrives as CancelledError instead and skips this.
                say(f"{name}: consumer stopped")
                raise
        say(f"{name}: no more readings")
    finally:
        await disconnect(name)


async def watch(name):
    async with contextlib.aclosing(readings(name, [20, 21, 23, 22, 25, 24])) as gen:
        async for v in gen:
            say(f"{name}: {v}")


async def until_hot(name, limit):
    async with contextlib.aclosing(readings(name, [18, 19, 22, 26, 27])) as gen:
        async for v in gen:
            say(f"{name}: {v}")
            if v >= limit:
                say(f"{name}: too hot, stop reading")
                break
    say(f"{name}: done")


async def main():
    global start
    start = asyncio.get_running_loop().time()
    try:
        async with asyncio.timeout(UNIT * 3.5):
            await watch("kitchen")
    except TimeoutError:
        say("kitchen: timed out")
    await until_hot("oven", 25)


if __name__ == "__main__":
    asyncio.run(main())
