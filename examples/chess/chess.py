"""The chess exhibition of the third tutorial: the CPython twin of main.go.

Run it with
    ASYNCGEN_UNIT=0.001 python3 chess.py
"""

import asyncio
import os

UNIT = float(os.environ.get("ASYNCGEN_UNIT", "0.001"))
GAMES, MOVE_PAIRS, MASTER_MOVE, PLAYER_MOVE = 24, 30, 5, 55
start = 0.0


def elapsed():
    d = int((asyncio.get_running_loop().time() - start) / UNIT + 1e-6)
    return f"{d // 3600}h{d // 60 % 60:02d}m{d % 60:02d}s"


async def game(n, master):
    for _ in range(MOVE_PAIRS):
        async with master:
            await asyncio.sleep(MASTER_MOVE * UNIT)
        await asyncio.sleep(PLAYER_MOVE * UNIT)
    print(f"{elapsed()} game {n} over")


async def one_after_another():
    global start
    start = asyncio.get_running_loop().time()
    master = asyncio.Lock()
    for n in range(1, GAMES + 1):
        await game(n, master)
    print(f"one after another: {elapsed()}")


async def all_at_once():
    global start
    start = asyncio.get_running_loop().time()
    master = asyncio.Lock()
    async with asyncio.TaskGroup() as g:
        for n in range(1, GAMES + 1):
            g.create_task(game(n, master))
    print(f"all at once: {elapsed()}")


if __name__ == "__main__":
    asyncio.run(one_after_another())
    asyncio.run(all_at_once())
