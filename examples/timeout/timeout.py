"""Bounding slow work with asyncio.wait_for: the CPython twin of main.go.

Run it with
    ASYNCGEN_UNIT=0.1 python3 timeout.py
"""

import asyncio
import os

UNIT = float(os.environ.get("ASYNCGEN_UNIT", "0.1"))
start = 0.0


def say(s):
    print(f"{int((asyncio.get_running_loop().time() - start) / UNIT + 1e-6)} {s}")


async def lookup(key, took):
    try:
        await asyncio.sleep(took * UNIT)
        return "value of " + key
    finally:
        say(f"lookup {key}: connection closed")


async def fetch(key, took):
    for deadline in (2, 4, 8):
        try:
            v = await asyncio.wait_for(lookup(key, took), deadline * UNIT)
        except asyncio.TimeoutError:
            say(f"{key}: no answer within {deadline} units")
            continue
        say(f"{key}: {v}")
        return
    raise RuntimeError(f"{key}: gave up")


async def main():
    global start
    start = asyncio.get_running_loop().time()
    await fetch("fast", 1)
    await fetch("slow", 3)


if __name__ == "__main__":
    asyncio.run(main())
