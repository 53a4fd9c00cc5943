"""The RQ side of bench/jobs: its job, a worker and a producer.

python3 rqbench.py worker SOCKET
python3 rqbench.py produce SOCKET N SLEEP_MS REC RATE
"""
import sys
import time

import redis
import rq


def job(sleep_ms, enq_ns, rec):
    if rec:
        rq.get_current_job().connection.rpush("bench:lat", time.time_ns() - enq_ns)
    if sleep_ms:
        time.sleep(sleep_ms / 1000)


def main():
    role, sock = sys.argv[1], sys.argv[2]
    conn = redis.Redis(unix_socket_path=sock)
    q = rq.Queue("default", connection=conn)
    if role == "worker":
        w = rq.Worker([q], connection=conn, log_job_description=False)
        print("ready", flush=True)
        w.work(logging_level="ERROR")
        return
    n, sleep_ms, rec, rate = int(sys.argv[3]), int(sys.argv[4]), sys.argv[5] == "1", int(sys.argv[6])
    start = time.monotonic()
    for i in range(n):
        if rate > 0:
            d = start + i / rate - time.monotonic()
            if d > 0:
                time.sleep(d)
        q.enqueue_call(func=job, args=(sleep_ms, time.time_ns(), rec), result_ttl=0, failure_ttl=3600)


if __name__ == "__main__":
    main()
