"""CPython asyncio counterpart of rt's BenchmarkCancelParked and
BenchmarkRunEndCancel (rt/cancel_bench_test.go): park N tasks on one kind
of primitive, cancel them in FIFO, LIFO or random order and run the loop
until all have finished, timing only the cancelling and unwinding; then the
same with asyncio.run's end-of-main cancellation, timing the whole run.

    python3 bench/cancel_waiters.py [-n N] [-orders fifo,lifo,random] [-kinds ...] [-no-run]

prints one line per case, named as the Go sub-benchmarks, in ns per waiter.
asyncio's waiter lists are deques and its cancelled waiters leave them with
deque.remove, which scans from the left: cancelling in FIFO order is linear,
in LIFO or random order (and asyncio.run's, which cancels in the arbitrary
order of a WeakSet) quadratic, so those take minutes at N = 100,000.

The kinds are rt's: queue-get, queue-put (a full queue of 1), event, lock
(held), semaphore (0), condition (each waiter holds the lock, then waits),
barrier (never full), future and sleep (an hour). For "future", asyncio
cancels the future a task awaits along with the task, so the waiters await
asyncio.shield(fut), which parks them on the shared future's callbacks as rt
parks them on the Future's waiters.

Measured on the project's 2-core machine at a load average of 12-18 (other
jobs running; single runs, so +-2x noise), CPython 3.11 / rt, ns per waiter:

    N = 100,000, FIFO   queue-get 45x, queue-put 56x, event 19x, lock 11x,
                        semaphore 16x, condition 77x, barrier 203x,
                        future 50,000x (shield: 833 s against 17 ms), sleep 20x
    N = 10,000, LIFO    270x (lock) to 2,900x (future)
    N = 10,000, random  26x (event) to 1,200x (future)
    asyncio.run end, N = 10,000: 50x (future) to 290x (sleep)

rt itself costs 0.1-2 us per waiter at 10,000 and at 100,000 in every
order (more in random order at 100,000, from cache misses, not from the
count: 300,000 costs the same per waiter); before the O(1) removal it cost
15-22 us per waiter at 10,000 in FIFO order and grew with N.
"""

import argparse
import asyncio
import random
import sys
import time


def kinds():
    def queue_get():
        q = asyncio.Queue()
        return q.get

    def queue_put():
        q = asyncio.Queue(1)
        q.put_nowait(0)
        return lambda: q.put(1)

    def event():
        e = asyncio.Event()
        return e.wait

    def lock():
        mu = asyncio.Lock()
        mu._locked = True  # held by no task, as in the Go benchmark
        return mu.acquire

    def semaphore():
        s = asyncio.Semaphore(0)
        return s.acquire

    def condition():
        cv = asyncio.Condition()

        async def waiter():
            async with cv:
                await cv.wait()

        return waiter

    def barrier():
        b = asyncio.Barrier(1 << 30)
        return b.wait

    def future():
        f = asyncio.get_running_loop().create_future()
        return lambda: asyncio.shield(f)

    def sleep():
        return lambda: asyncio.sleep(3600)

    return [("queue-get", queue_get), ("queue-put", queue_put), ("event", event),
            ("lock", lock), ("semaphore", semaphore), ("condition", condition),
            ("barrier", barrier), ("future", future), ("sleep", sleep)]


def order(name, tasks):
    if name == "lifo":
        tasks.reverse()
    elif name == "random":
        random.Random(1).shuffle(tasks)


async def cancel_parked(make, order_name, n):
    start = make()
    tasks = [asyncio.ensure_future(start()) for _ in range(n)]
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    left = [n]

    def done(_):
        left[0] -= 1

    for t in tasks:
        t.add_done_callback(done)
    order(order_name, tasks)
    t0 = time.perf_counter_ns()
    for t in tasks:
        t.cancel()
    while left[0]:
        await asyncio.sleep(0)
    elapsed = time.perf_counter_ns() - t0
    assert all(t.cancelled() for t in tasks)
    return elapsed


def run_end_cancel(make, n):
    async def main():
        start = make()
        for _ in range(n):
            asyncio.ensure_future(start())
        await asyncio.sleep(0)

    t0 = time.perf_counter_ns()
    asyncio.run(main())
    return time.perf_counter_ns() - t0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=100_000)
    ap.add_argument("-orders", default="fifo,lifo,random")
    ap.add_argument("-kinds", default="")
    ap.add_argument("-no-run", action="store_true", help="skip the asyncio.run cases")
    a = ap.parse_args()
    n = a.n
    ks = [k for k in kinds() if not a.kinds or k[0] in a.kinds.split(",")]
    for name, make in ks:
        for o in a.orders.split(","):
            if not o:
                continue
            ns = asyncio.run(cancel_parked(make, o, n))
            print(f"CancelParked/{name}/{o}/n={n}\t{ns / n:.1f} ns/waiter", flush=True)
    if a.no_run:
        return
    for name, make in ks:
        ns = run_end_cancel(make, n)
        print(f"RunEndCancel/{name}/n={n}\t{ns / n:.1f} ns/waiter", flush=True)


if __name__ == "__main__":
    main()
