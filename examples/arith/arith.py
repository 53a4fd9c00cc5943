"""Four arithmetic coroutines awaited in turn, spawned as tasks, and gathered:
the CPython twin of main.go.

Port of the seeds' addition/subtraction/multiplication/division program. Run it with
    ASYNCGEN_UNIT=1 python3 arith.py
ASYNCGEN_UNIT is the length of one unit in seconds (default 0.05).
"""

import asyncio
import os

UNIT = float(os.environ.get("ASYNCGEN_UNIT", "0.05"))


def units(seconds):
    """Formats a duration in whole units, like main.go.

    Sleeps end late, never early, so the count is rounded down, after
    allowing a tenth of a unit for the clock's granularity.
    """
    n = int(seconds / UNIT + 0.1)
    return f"{n} unit" if n == 1 else f"{n} units"


async def addition(a, b):
    await asyncio.sleep(3 * UNIT)
    print(f"addition result: {a + b}")
    return a + b


async def multiplication(a, b):
    await asyncio.sleep(1 * UNIT)
    print(f"multiplication result: {a * b}")
    return a * b


async def division(a, b):
    await asyncio.sleep(5 * UNIT)
    print(f"division result: {a / b}")
    return a / b


async def subtraction(a, b):
    await asyncio.sleep(7 * UNIT)
    print(f"subtraction result: {a - b}")
    return a - b


async def awaited():
    """Each await finishes before the next starts: 5+7+3+1 = 16 units."""
    print("== awaited one after another")
    await division(10, 20)
    await subtraction(10, 20)
    await addition(10, 20)
    await multiplication(10, 20)


async def spawned():
    """All four run at once: done after the longest, 7 units, in completion order."""
    print("== spawned as tasks")
    div_task = asyncio.create_task(division(10, 20), name="division")
    sub_task = asyncio.create_task(subtraction(10, 20), name="subtraction")
    add_task = asyncio.create_task(addition(10, 20), name="addition")
    mul_task = asyncio.create_task(multiplication(10, 20), name="multiplication")
    await div_task
    await sub_task
    await add_task
    await mul_task


async def gathered():
    """Gather returns the results in argument order, whatever order they finish in."""
    print("== gathered")
    results = await asyncio.gather(
        division(10, 20),
        subtraction(10, 20),
        addition(10, 20),
        multiplication(10, 20),
    )
    for name, result in zip(["division", "subtraction", "addition", "multiplication"], results):
        print(f"{name}: {result}")


async def announced(coro):
    """Prints the name of the task it runs in, then awaits coro."""
    print(f"{asyncio.current_task().get_name()} started")
    return await coro


def print_all_tasks(when):
    me = asyncio.current_task()
    tasks = asyncio.all_tasks()
    others = sorted(t.get_name() for t in tasks if t is not me)
    print(f"all tasks {when}: {len(tasks)} ({', '.join(['main'] + others)})")


async def named():
    """Named tasks, the current task, and the tasks that are not done yet."""
    print("== current and all tasks")
    div_task = asyncio.create_task(announced(division(10, 20)), name="division")
    sub_task = asyncio.create_task(announced(subtraction(10, 20)), name="subtraction")
    add_task = asyncio.create_task(announced(addition(10, 20)), name="addition")
    mul_task = asyncio.create_task(announced(multiplication(10, 20)), name="multiplication")
    print_all_tasks("before awaiting")
    await div_task
    await sub_task
    await add_task
    await mul_task
    print_all_tasks("after awaiting")
    for task in [add_task, mul_task, div_task, sub_task]:
        print(f"{task.get_name()} task result: {task.result()}")


async def main():
    loop = asyncio.get_running_loop()
    for part in [awaited, spawned, gathered, named]:
        start = loop.time()
        await part()
        print(f"took {units(loop.time() - start)}")


if __name__ == "__main__":
    asyncio.run(main())
