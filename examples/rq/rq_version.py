#!/usr/bin/env python3
"""The seed's RQ program, beside examples/rq's Go version: count_words_at_url
enqueued by a producer for a list of URLs and run by RQ worker processes,
the producer printing each result as it completes.

    apt-get install -y python3-rq python3-redis
    redis-server --port 0 --unixsocket /tmp/rq.sock --save '' &
    python3 rq_version.py --redis /tmp/rq.sock --worker &   # twice: two workers
    python3 rq_version.py --redis /tmp/rq.sock --worker &
    python3 rq_version.py --redis /tmp/rq.sock --producer   # serves 20 pages itself

Without URLs the producer serves pages on loopback (http.server, in a thread
of its own process), page i holding 10*i+3 words, and checks every count.
RQ has no way to wait for a result but polling, so the producer polls.
"""

import argparse
import http.server
import os
import sys
import threading
import time
import urllib.request

import redis
from rq import Queue, Worker

QUEUE = "rq"


def count_words_at_url(url):
    with urllib.request.urlopen(url, timeout=30) as resp:
        body = resp.read().decode()
    return {"words": len(body.split()), "worker": os.getpid()}


def connect(addr):
    if addr.startswith("/"):
        return redis.Redis(unix_socket_path=addr)
    host, _, port = addr.rpartition(":")
    return redis.Redis(host=host, port=int(port))


class Pages(http.server.BaseHTTPRequestHandler):
    pages = 0

    def do_GET(self):
        try:
            i = int(self.path.removeprefix("/page/"))
        except ValueError:
            i = -1
        if not 0 <= i < self.pages:
            self.send_error(404)
            return
        body = ("word " * (10 * i + 3)).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def serve(n):
    Pages.pages = n
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    host, port = srv.server_address
    urls = ["http://%s:%d/page/%d" % (host, port, i) for i in range(n)]
    return urls, {u: 10 * i + 3 for i, u in enumerate(urls)}, srv


def produce(conn, urls, want):
    q = Queue(QUEUE, connection=conn)
    # By name: run as a script, this module is __main__, which a worker
    # could not import.
    jobs = {q.enqueue("rq_version.count_words_at_url", u, result_ttl=3600).id: u for u in urls}
    print("enqueued %d jobs" % len(jobs), flush=True)
    failed = False
    while jobs:
        for id in list(jobs):
            job = q.fetch_job(id)
            status = job.get_status()
            if status == "finished":
                u, r = jobs.pop(id), job.result
                print("%s: %d words (worker %d)" % (u, r["words"], r["worker"]), flush=True)
                if u in want and want[u] != r["words"]:
                    print("%s: want %d words" % (u, want[u]), file=sys.stderr)
                    failed = True
            elif status == "failed":
                print("%s: failed: %s" % (jobs.pop(id), job.exc_info), flush=True)
                failed = True
        time.sleep(0.05)
    return 1 if failed else 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--redis", default="/tmp/rq.sock", help="a Unix socket path or host:port")
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--producer", action="store_true")
    mode.add_argument("--worker", action="store_true")
    ap.add_argument("--pages", type=int, default=20)
    ap.add_argument("urls", nargs="*")
    args = ap.parse_args()
    conn = connect(args.redis)
    if args.worker:
        Worker([Queue(QUEUE, connection=conn)], connection=conn).work()
        return 0
    urls, want, srv = args.urls, {}, None
    if not urls:
        urls, want, srv = serve(args.pages)
    try:
        return produce(conn, urls, want)
    finally:
        if srv:
            srv.shutdown()


if __name__ == "__main__":
    sys.exit(main())
