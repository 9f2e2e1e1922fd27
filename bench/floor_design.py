"""The floor of newsdesk's own design on the unchanged refresh: CPython's start-up, one SQLite
read of the validators, the sweep's raw sockets (one thread, a selector, an origin's feeds one
after another on a kept connection, at most CONNECTIONS at once as `concurrency` allows) and
one SQLite write of the check times. No config, no argument parsing, no events, no output
beyond a count: what newsdesk's all-304 run could cost if everything else were free.

`python floor_design.py URLS DB [CONNECTIONS]`: URLS lists the feed addresses one per line;
DB is this script's own SQLite file (url, etag, checked), made on the first run (which sends
no validator, so it primes: every feed answers 200 and its ETag is kept). Prints the count of
each status as JSON. `ab_unchanged.py` times it beside newsdesk, the http.client floor and
newsboat. Not shipped code: nothing here handles a timeout, a redirect or a bad answer.
"""

from __future__ import annotations

import os
import selectors
import socket
import sqlite3
import sys
import time
from collections import deque


def _head(buf: bytes) -> tuple[int, str | None, int] | None:
    """(status, ETag, body length) once the head is in, else None."""
    cut = buf.find(b"\r\n\r\n")
    if cut < 0:
        return None
    lines = buf[:cut].split(b"\r\n")
    etag, length = None, 0
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"etag":
            etag = value.strip().decode()
        elif name == b"content-length":
            length = int(value)
    return int(lines[0][9:12]), etag, cut + 4 + length


def main(urls_file: str, db_file: str, connections: int = 8) -> None:
    with open(urls_file) as listed:
        urls = listed.read().split()
    db = sqlite3.connect(db_file, isolation_level=None)
    db.execute("CREATE TABLE IF NOT EXISTS feed (url TEXT PRIMARY KEY, etag TEXT, checked INT)")
    etags = dict(db.execute("SELECT url, etag FROM feed"))
    queues: dict[tuple[str, int], deque[tuple[str, bytes]]] = {}
    for url in urls:
        hostport, _, path = url[7:].partition("/")
        host, _, port = hostport.partition(":")
        tag = etags.get(url)
        data = (f"GET /{path} HTTP/1.1\r\nHost: {hostport}\r\n"
                + (f"If-None-Match: {tag}\r\n" if tag else "") + "\r\n").encode()
        queues.setdefault((host, int(port or 80)), deque()).append((url, data))
    selector = selectors.DefaultSelector()
    origins = deque(queues)
    statuses: dict[str, int] = {}
    found: dict[str, str | None] = {}

    def open_one() -> None:
        origin = origins.popleft()
        sock = socket.socket()
        sock.setblocking(False)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.connect_ex(origin)
        selector.register(sock, selectors.EVENT_WRITE, [origin, None, b""])

    for _ in range(min(connections, len(origins))):
        open_one()
    left = len(urls)
    while left:
        for key, events in selector.select():
            sock, state = key.fileobj, key.data
            assert isinstance(sock, socket.socket)
            if events & selectors.EVENT_WRITE:
                state[1], data = queues[state[0]].popleft()
                sock.send(data)
                selector.modify(sock, selectors.EVENT_READ, state)
                continue
            state[2] += sock.recv(262144)
            head = _head(state[2])
            if head is None or len(state[2]) < head[2]:
                continue
            statuses[state[1]], found[state[1]] = head[0], head[1]
            left -= 1
            if queues[state[0]]:
                state[1], data = queues[state[0]].popleft()
                state[2] = b""
                sock.send(data)
            else:
                selector.unregister(sock)
                sock.close()
                if origins:
                    open_one()
    now = int(time.time())
    db.execute("BEGIN")
    db.executemany("INSERT INTO feed VALUES (?, ?, ?) ON CONFLICT (url) DO UPDATE SET "
                   "etag = coalesce(excluded.etag, etag), checked = excluded.checked",
                   [(url, found[url], now) for url in urls])
    db.execute("COMMIT")
    counts: dict[str, int] = {}
    for status in statuses.values():
        counts[str(status)] = counts.get(str(status), 0) + 1
    sys.stdout.write(repr(counts) + "\n")
    sys.stdout.flush()
    os._exit(0)  # as newsdesk's fetch: no interpreter teardown


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], *(int(a) for a in sys.argv[3:4]))
