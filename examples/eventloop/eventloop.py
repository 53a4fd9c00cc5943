"""The event-loop programs of the third tutorial: the CPython twin of main.go.

Run it with
    python3 eventloop.py
"""

import asyncio
import functools
import os

UNIT = float(os.environ.get("ASYNCGEN_UNIT", "1"))


def event_handler(loop, stop=False):
    print("Calling event handler")
    if stop:
        print("Loop is being stopped")
        loop.stop()


async def sample_task(task_seconds):
    print("Task takes {} seconds to complete".format(task_seconds))
    await asyncio.sleep(task_seconds * UNIT)
    return "task has been completed"


if __name__ == "__main__":
    loop = asyncio.new_event_loop()
    try:
        loop.call_soon(functools.partial(event_handler, loop))
        print("Loop is being started")
        loop.call_soon(functools.partial(event_handler, loop, stop=True))
        loop.run_forever()
    finally:
        print("Loop is being closed")
        loop.close()

    sample_event = asyncio.new_event_loop()
    try:
        print("Creation of tasks started")
        task_object_loop = sample_event.create_task(sample_task(task_seconds=3))
        sample_event.run_until_complete(task_object_loop)
    finally:
        sample_event.close()
    print("Task status: {}".format(task_object_loop.result()))
