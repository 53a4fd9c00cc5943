"""The asyncio client of go run ./bench/fetch: fetch URL N times at once
with asyncio streams (no third-party package) and print, as JSON, the wall
time from the first request to the last body.

    python3 fetch.py http://127.0.0.1:8080/ 100
"""

import asyncio
import json
import sys
import time
from urllib.parse import urlsplit


async def fetch(host, port, path):
    reader, writer = await asyncio.open_connection(host, port)
    try:
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode())
        await writer.drain()
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        length = 0
        for line in lines[1:]:
            name, _, value = line.partition(":")
            if name.strip().lower() == "content-length":
                length = int(value)
        body = await reader.readexactly(length)
        if status != 200 or body != b"ok":
            raise RuntimeError(f"{status} {body!r}")
    finally:
        writer.close()


async def main(url, n):
    u = urlsplit(url)
    start = time.perf_counter()
    results = await asyncio.gather(
        *(fetch(u.hostname, u.port, u.path or "/") for _ in range(n)),
        return_exceptions=True,
    )
    wall = time.perf_counter() - start
    errors = [r for r in results if isinstance(r, BaseException)]
    out = {"wall": wall, "goroutines": 0, "errors": len(errors)}
    if errors:
        out["first_error"] = repr(errors[0])
    print(json.dumps(out))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2])))
