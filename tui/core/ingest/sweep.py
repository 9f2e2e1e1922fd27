"""Conditional GETs of plain-http feeds on one thread's non-blocking sockets: no event loop.

Most refreshes (cron every few minutes) end with every feed answering 304. Loading asyncio
(~30 ms) and h11 (~10 ms) and reading each 304 through h11 (~140 us of CPU) were most of such
a run beside CPython's own start-up. `sweep` asks the feeds first, with the request bytes the
fetcher sends (plain.py), and reads each answer's head only: a 304 is all it accepts. It ends
at the first answer that is anything else (or no answer in time), as the fetcher has to run
then anyway: the feeds found unchanged are not asked again, the rest go through it as before.
A 304's head is small and its framing plain (no body, ever), so a socket does; http.client
would load the email package (~25 ms) to parse each head.

One thread drives every connection with a selector, each origin's feeds asked one after
another on one kept connection (a second only when `per_host` allows and no other origin waits
for one): on the bench's 200 feeds over 20 hosts, 20 connections where 8 threads each kept
their own per host, and in-process half the wall and CPU of those threads (a quarter of the
CPU of bench/floor_sweep.py's http.client on 8 threads), and half the server's. A feed that
has not answered in time ends the sweep (the pipeline asks it, with its own time limits): in
LATE, or four times the slowest 304 so far when that is longer (a busy machine or a slow
network, where 1 s handed over healthy refreshes), never more than MOST. A server that never
answers among ones that do delays the refresh by LATE (it was 5 s), not its timeouts.
"""

from __future__ import annotations

import errno
import re
import selectors
import socket
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext, suppress
from urllib.parse import SplitResult, urlsplit

from tui import __version__

USER_AGENT = f"newsdesk/{__version__} (+terminal news reader; feed fetcher)"
FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/rdf+xml, "
               "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
HEAD_LIMIT = 100 * 1024  # the largest response head accepted, as httpcore's
# How long one feed may take here (connect, send, answer) before it ends the sweep and goes
# to the fetcher (and its own limits): LATE, or 4 x the slowest answer so far, up to MOST.
LATE = 1.0
MOST = 5.0
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


Origin = tuple[str, int]
Address = tuple[int, tuple[str, int]]  # family, (address, port)
Addresses = list[Address]  # a name's, in getaddrinfo's order: the next is tried if one fails
Job = tuple[str, Target, bytes]  # key, where, request bytes


class _Conn:
    """One connection: its origin, the feed it asks now and what it has read of the answer."""

    __slots__ = ("buf", "connecting", "data", "kept", "key", "origin", "since", "sock")

    def __init__(self, sock: socket.socket, origin: Origin, kept: bool) -> None:
        self.sock, self.origin, self.kept = sock, origin, kept
        self.key, self.data, self.buf = "", b"", b""
        self.since, self.connecting = 0.0, True  # when its connect, or its request, began


class _Over(Exception):
    """The sweep ends: an answer other than a 304, a failure, a late feed or a stop."""


class _Sweep:
    """The selector loop's state: each origin's feeds not yet asked, the open connections and
    the addresses found for host names (looked up on threads: getaddrinfo blocks)."""

    def __init__(self, jobs: list[Job], threads: int, per_host: int,
                 connect_timeout: float) -> None:
        self.queues: dict[Origin, deque[tuple[str, bytes]]] = {}
        for key, (host, port, *_), data in jobs:
            self.queues.setdefault((host, port), deque()).append((key, data))
        self.room, self.per_host = max(1, threads), max(1, per_host)
        self.connect_timeout = connect_timeout
        self.slowest = 0.0  # the longest a 304 took so far
        self.open: dict[Origin, int] = dict.fromkeys(self.queues, 0)
        self.addresses: dict[Origin, Addresses] = {}
        self.selector = selectors.DefaultSelector()
        self.waker, self.wake_end = socket.socketpair()
        self.waker.setblocking(False)
        self.selector.register(self.waker, selectors.EVENT_READ, None)
        self.found: list[tuple[Origin, Addresses]] = []
        self.looked_up = time.monotonic()  # the last host name found (or the start)
        self.stopped = False
        names = []
        for origin in self.queues:
            try:
                socket.inet_aton(origin[0])
                self.addresses[origin] = [(socket.AF_INET, origin)]
            except OSError:
                names.append(origin)
        if names:
            todo = deque(names)
            for _ in range(min(len(names), self.room)):
                threading.Thread(target=self._resolve, args=(todo,), daemon=True).start()

    def _resolve(self, todo: deque[Origin]) -> None:
        """Look host names up (a thread's job), telling the loop of each."""
        while True:
            try:
                origin = todo.popleft()
            except IndexError:
                return
            try:
                found: Addresses = [
                    (family, (str(address[0]), int(address[1])))
                    for family, _, _, _, address in socket.getaddrinfo(
                        *origin, type=socket.SOCK_STREAM)]
            except (OSError, UnicodeError):
                found = []
            self.found.append((origin, found))
            self.wake()

    def stop(self) -> None:
        self.stopped = True
        self.wake()

    def wake(self) -> None:
        with suppress(OSError):  # closed: the sweep is over; or full: it wakes anyway
            self.wake_end.send(b"x")

    def fill(self) -> None:
        """Open connections while there is room: first one per origin that has feeds to ask,
        then seconds (up to per_host) for origins with more feeds than connections."""
        for most in range(1, self.per_host + 1):
            for origin, jobs in self.queues.items():
                if not self.room:
                    return
                if jobs and self.open[origin] < most and origin in self.addresses:
                    self._connect(origin)

    def _connect(self, origin: Origin) -> None:
        if not self.addresses[origin]:
            raise _Over  # no address (left): the fetcher says why
        family, address = self.addresses[origin][0]
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setblocking(False)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        conn = _Conn(sock, origin, kept=False)
        self.room -= 1
        self.open[origin] += 1
        conn.key, conn.data = self.queues[origin].popleft()
        conn.since = time.monotonic()
        self.selector.register(sock, selectors.EVENT_WRITE, conn)
        if sock.connect_ex(address) not in (0, errno.EINPROGRESS, errno.EWOULDBLOCK):
            self._refused(conn)

    def close(self, conn: _Conn) -> None:
        self.selector.unregister(conn.sock)
        conn.sock.close()
        self.room += 1
        self.open[conn.origin] -= 1

    def step(self, conn: _Conn, writable: bool) -> str | None:
        """Move `conn` on; the key of the feed that answered 304, if one did."""
        if writable:  # connected (or not): send the request
            if conn.sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR):
                self._refused(conn)
            else:
                self._send(conn)
            return None
        try:
            chunk = conn.sock.recv(65536)
        except BlockingIOError:
            return None
        except OSError:
            chunk = b""
        if not chunk and not conn.buf and conn.kept:  # a kept connection the server closed
            self._again(conn, conn.key, conn.data)
            return None
        conn.buf += chunk
        head, reuse = _head(conn.buf)
        if head is None and chunk:
            return None  # not all of the head yet
        if head != 304:
            raise _Over
        self.slowest = max(self.slowest, time.monotonic() - conn.since)
        key, jobs = conn.key, self.queues[conn.origin]
        if not reuse:
            self.close(conn)
        elif jobs:  # the origin's next feed on this connection
            conn.key, conn.data = jobs.popleft()
            conn.buf, conn.kept = b"", True
            self._send(conn)
        else:
            self.close(conn)
        return key

    def _send(self, conn: _Conn) -> None:
        try:
            sent = conn.sock.send(conn.data)
        except OSError:
            if conn.kept:
                self._again(conn, conn.key, conn.data)
                return
            raise _Over from None
        if sent < len(conn.data):  # a request is far smaller than a socket's buffer
            raise _Over
        conn.since, conn.connecting = time.monotonic(), False
        self.selector.modify(conn.sock, selectors.EVENT_READ, conn)

    def _refused(self, conn: _Conn) -> None:
        """No connection to this address: the origin's next one, if it has another."""
        self.addresses[conn.origin].pop(0)
        self._again(conn, conn.key, conn.data)

    def _again(self, conn: _Conn, key: str, data: bytes) -> None:
        """Ask `key` again on a new connection (the kept one was closed by the server)."""
        self.close(conn)
        self.queues[conn.origin].appendleft((key, data))
        self._connect(conn.origin)

    def found_addresses(self) -> None:
        while self.found:
            origin, found = self.found.pop()
            self.addresses[origin] = found
            self.looked_up = time.monotonic()

    def late(self) -> float:
        """Seconds until the first asked feed is late (<= 0: it is); host names not found
        in that time after the last one are late too."""
        patience = min(MOST, max(LATE, 4 * self.slowest))
        dues = [k.data.since + (min(patience, self.connect_timeout) if k.data.connecting
                                else patience)
                for k in self.selector.get_map().values() if k.data is not None]
        if len(self.addresses) < len(self.queues):
            dues.append(self.looked_up + patience)
        return min(dues, default=time.monotonic() + patience) - time.monotonic()

    def end(self) -> None:
        for key in list(self.selector.get_map().values()):
            if key.data is not None:
                key.fileobj.close()  # type: ignore[union-attr]
        self.selector.close()
        self.waker.close()
        self.wake_end.close()


def _head(buf: bytes) -> tuple[int | None, bool]:
    """The answer's status and whether its connection may be reused: (None, False) while the
    head is incomplete, status 0 when it is unreadable (or too long)."""
    cut = buf.find(b"\r\n\r\n")
    if cut < 0:
        return (0 if len(buf) > HEAD_LIMIT else None), False
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


def jobs_of(feeds: Iterable[tuple[str, str, str | None, str | None]]) -> list[Job] | None:
    """The sweep's jobs for these (key, url, etag, last_modified) feeds, or None when one of
    them is not a request to sweep (`request` says which)."""
    jobs = []
    for key, url, etag, last_modified in feeds:
        made = request(url, etag, last_modified)
        if made is None:
            return None
        jobs.append((key, *made))
    return jobs


def sweep(jobs: list[Job], *, threads: int, per_host: int, connect_timeout: float,
          wake: Callable[[Callable[[], None]], AbstractContextManager[object]] | None = None,
          ) -> Iterator[str]:
    """Ask each job's feed (`jobs_of`) on at most `threads` connections, at most `per_host`
    to a host; yields the keys that answered 304 as they do. Ends after every one did, or at
    the first that did not or was late (the rest are not asked, or their answers not
    awaited), or on a stop (inside `wake(hook)`, a stop calls `hook`)."""
    if not jobs:
        return
    state = _Sweep(jobs, threads, per_host, connect_timeout)
    left = len(jobs)
    try:
        with wake(state.stop) if wake else nullcontext():
            state.fill()
            while left:
                ready = state.selector.select(max(0.0, state.late()))
                if state.stopped or (not ready and state.late() <= 0):
                    return
                for key, events in ready:
                    if key.data is None:  # woken: a host name looked up (or a stop)
                        with suppress(BlockingIOError):
                            state.waker.recv(4096)
                        state.found_addresses()
                        continue
                    answered = state.step(key.data, bool(events & selectors.EVENT_WRITE))
                    if answered is not None:
                        left -= 1
                        yield answered
                state.fill()
    except _Over:
        return
    finally:
        state.end()
