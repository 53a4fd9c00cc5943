"""Bake a cake and buy groceries, first one thing at a time, then shopping while
the cake is in the oven: the CPython twin of main.go.

Port of the seeds' cake story (test_noasync.py / test_async.py). One unit is one
minute of the story. Run it with
    ASYNCGEN_UNIT=1 python3 cake.py
ASYNCGEN_UNIT is the length of one unit in seconds (default 0.05).
"""

import asyncio
import os

UNIT = float(os.environ.get("ASYNCGEN_UNIT", "0.05"))

start = 0.0


def say(what):
    """Prints what happens, stamped with the story's minute.

    Sleeps end late, never early, so the minute is rounded down, after
    allowing a tenth of a minute for the clock's granularity.
    """
    minute = int((asyncio.get_running_loop().time() - start) / UNIT + 0.1)
    print(f"minute {minute}: {what}")


async def make_dough():
    say("cake: making the dough")
    await asyncio.sleep(15 * UNIT)
    say("cake: the dough is ready")


async def bake():
    say("cake: into the oven")
    await asyncio.sleep(45 * UNIT)
    say("cake: out of the oven")


async def buy_groceries():
    say("groceries: off to the store")
    await asyncio.sleep(20 * UNIT)
    say("groceries: back home")


async def one_thing_at_a_time():
    """Dough, oven, then the store: 15 + 45 + 20 = 80 minutes."""
    global start
    print("== one thing at a time")
    start = asyncio.get_running_loop().time()
    await make_dough()
    await bake()
    await buy_groceries()
    say("all done")


async def shopping_while_baking():
    """The dough needs us; the oven does not: 15 + max(45, 20) = 60 minutes."""
    global start
    print("== shopping while the cake bakes")
    start = asyncio.get_running_loop().time()
    await make_dough()
    oven = asyncio.create_task(bake(), name="oven")
    await buy_groceries()
    await oven
    say("all done")


async def main():
    await one_thing_at_a_time()
    await shopping_while_baking()


if __name__ == "__main__":
    asyncio.run(main())
