"""Conditional GETs of plain-http feeds on a few threads and plain sockets: no event loop.

Most refreshes (cron every few minutes) end with every feed answering 304. Loading asyncio
(~30 ms) and h11 (~10 ms) and reading each 304 through h11 (~140 us of CPU) were most of such
a run beside CPython's own start-up. `sweep` asks the feeds first, with the request bytes the
fetcher sends (plain.py), and reads each answer's head only: a 304 is all it accepts. It ends
at the first answer that is anything else (or no answer in time), as the fetcher has to run
then anyway: the feeds found unchanged are not asked again, the rest go through it as before.
A 304's head is small and its framing plain (no body, ever), so a socket does; http.client
would load the email package (~25 ms) to parse each head.
"""

from __future__ import annotations

import collections
import queue
import re
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from urllib.parse import SplitResult, urlsplit

from tui import __version__

USER_AGENT = f"newsdesk/{__version__} (+terminal news reader; feed fetcher)"
FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/rdf+xml, "
               "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
HEAD_LIMIT = 100 * 1024  # the largest response head accepted, as httpcore's
# The longest one feed may take here: a slower answer goes to the fetcher (and its own limits),
# so a server that does not answer delays the refresh by this much at most, not its timeouts.
WAIT = 5.0
_HOST = re.compile(r"[a-z0-9]([a-z0-9.-]*[a-z0-9])?")
# A path and query httpx sends as they are (no character to escape, no dot segment to remove).
_TARGET = re.compile(r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*")

Target = tuple[str, int, str, str]  # host, port, request target, Host header


def target(url: str | SplitResult) -> Target | None:
    """Where a plain-http `url` is sent, or None when httpx should send it: another scheme,
    user info, an IPv6 or non-ASCII host, a bad port, or a path httpx would rewrite."""
    parts = urlsplit(url) if isinstance(url, str) else url
    if parts.scheme.lower() != "http" or "@" in parts.netloc:
        return None
    host = parts.hostname or ""
    try:
        port = parts.port
    except ValueError:
        return None
    path = parts.path or "/"
    full = f"{path}?{parts.query}" if parts.query else path
    if not _HOST.fullmatch(host) or not _TARGET.fullmatch(full) or "/." in path \
            or not path.startswith("/"):
        return None
    return host, port or 80, full, host if port in (None, 80) else f"{host}:{port}"


def feed_headers(etag: str | None, last_modified: str | None) -> dict[str, str]:
    """A feed request's headers (after Host), as the fetcher sends them."""
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate, br",
               "Accept": FEED_ACCEPT, "Connection": "keep-alive"}  # as httpx's client
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def request(url: str, etag: str | None, last_modified: str | None) -> tuple[Target, bytes] | None:
    """A conditional feed request's origin and bytes, or None when it is not one to sweep:
    no validator, not plain http, or a stored validator h11 would refuse to send."""
    where = target(url)
    if where is None or not (etag or last_modified):
        return None
    lines = [f"GET {where[2]} HTTP/1.1", f"Host: {where[3]}"]
    for name, value in feed_headers(etag, last_modified).items():
        if not (value.isascii() and value.isprintable()) or value != value.strip():
            return None  # not a header value h11 sends
        lines.append(f"{name}: {value}")
    return where, ("\r\n".join(lines) + "\r\n\r\n").encode("ascii")


class _Sweep:
    """The threads' shared state: jobs left, per-host room, answers, and whether it is over."""

    def __init__(self, jobs: list[tuple[str, Target, bytes]], per_host: int,
                 connect_timeout: float) -> None:
        self.jobs = collections.deque(jobs)
        self.answers: queue.SimpleQueue[tuple[str, bool] | None] = queue.SimpleQueue()
        self.over = False
        self.connect_timeout = connect_timeout
        self.hosts = {host: threading.Semaphore(per_host) for _, (host, *_), _ in jobs}

    def work(self) -> None:
        kept: dict[tuple[str, int], socket.socket] = {}
        try:
            while not self.over:
                try:
                    key, where, data = self.jobs.popleft()
                except IndexError:
                    return
                with self.hosts[where[0]]:
                    unchanged = not self.over and self._ask(kept, where, data)
                if not unchanged:  # the fetcher runs now anyway: it asks the rest
                    self.over = True
                self.answers.put((key, unchanged))
        finally:
            for sock in kept.values():
                sock.close()

    def _ask(self, kept: dict[tuple[str, int], socket.socket], where: Target,
             data: bytes) -> bool:
        """True when the server answered 304 within WAIT; the connection is kept if it may be."""
        end = time.monotonic() + WAIT
        origin = (where[0], where[1])
        sock = kept.pop(origin, None)
        for fresh in ((False, True) if sock is not None else (True,)):
            if fresh:
                try:
                    sock = socket.create_connection(origin, min(self.connect_timeout, WAIT))
                except OSError:
                    return False
            assert sock is not None
            try:
                head, reuse = _head(sock, data, end)
            except OSError:
                head, reuse = None, False
            if reuse and head == 304:
                kept[origin] = sock
                return True
            sock.close()
            if head is not None or fresh:  # else a kept connection the server closed: a new one
                return head == 304
        return False


def _head(sock: socket.socket, data: bytes, end: float) -> tuple[int | None, bool]:
    """Send `data`, read the answer's head: (status, whether the connection may be reused),
    status None when the connection ended before any answer, 0 when the head is unreadable."""
    sock.settimeout(max(0.001, end - time.monotonic()))
    sock.sendall(data)
    buf = b""
    while (cut := buf.find(b"\r\n\r\n")) < 0:
        if len(buf) > HEAD_LIMIT:
            return 0, False
        sock.settimeout(max(0.001, end - time.monotonic()))
        chunk = sock.recv(65536)
        if not chunk:
            return (None if not buf else 0), False
        buf += chunk
    lines = buf[:cut].split(b"\r\n")
    version, _, rest = lines[0].partition(b" ")
    code = rest[:3]
    if version not in (b"HTTP/1.1", b"HTTP/1.0") or not code.isdigit():
        return 0, False
    reuse = version == b"HTTP/1.1" and len(buf) == cut + 4  # nothing after the head
    for line in lines[1:]:
        name, colon, value = line.partition(b":")
        if not colon:
            return 0, False
        name, value = name.strip().lower(), value.strip().lower()
        if (name == b"connection" and b"close" in value) or name == b"transfer-encoding" \
                or (name == b"content-length" and value != b"0"):
            reuse = False
    return int(code), reuse


def sweep(feeds: Iterable[tuple[str, str, str | None, str | None]], *, threads: int,
          per_host: int, connect_timeout: float,
          wake: Callable[[Callable[[], None]], AbstractContextManager[object]] | None = None,
          ) -> Iterator[str]:
    """Ask each (key, url, etag, last_modified) feed on up to `threads` threads, at most
    `per_host` at once per host; yields the keys that answered 304 as they do. Ends after
    every one did, or at the first that did not (the rest are not asked, or their answers
    not awaited), or on a stop (inside `wake(hook)`, a stop calls `hook`). Every feed must be
    one `request` accepts. The threads are daemons: one still waiting on a server when the
    sweep ends never holds the process."""
    jobs = []
    for key, url, etag, last_modified in feeds:
        made = request(url, etag, last_modified)
        assert made is not None, url
        jobs.append((key, *made))
    state = _Sweep(jobs, per_host, connect_timeout)
    for _ in range(min(threads, len(jobs))):
        threading.Thread(target=state.work, name="sweep", daemon=True).start()
    with wake(lambda: state.answers.put(None)) if wake else nullcontext():
        try:
            for _ in range(len(jobs)):
                try:  # each ask ends within WAIT, but for a host name's look-up
                    answer = state.answers.get(timeout=WAIT + 1)
                except queue.Empty:
                    return
                if answer is None or not answer[1]:
                    return
                yield answer[0]
        finally:
            state.over = True
