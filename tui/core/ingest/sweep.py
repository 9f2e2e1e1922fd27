"""Conditional GETs of plain-http feeds on one thread's non-blocking sockets: no event loop.

Most refreshes (cron every few minutes) end with every feed answering 304. Loading asyncio
(~30 ms) and h11 (~10 ms) and reading each 304 through h11 (~140 us of CPU) were most of such
a run beside CPython's own start-up. `sweep` asks the feeds first, with the request bytes the
fetcher sends (feed_request.py), and reads each answer's head only: a 304 is all it takes. It
ends at the first answer that is anything else, as the fetcher has to run then anyway: the
feeds found unchanged are not asked again, and that answer and every request then on the wire
are handed over (`Handed`: the socket and what was read) for the fetcher to read where the
sweep left them, so no feed is asked twice. A 304's head is small and its framing plain (no
body, ever), so a socket does; http.client would load the email package (~25 ms) to parse each
head.

One thread drives every connection with a selector, each origin's feeds asked one after
another on one kept connection (a second only when `per_host` allows and no other origin waits
for one): on the bench's 200 feeds over 20 hosts, 20 connections where 8 threads each kept
their own per host, and in-process half the wall and CPU of those threads (a quarter of the
CPU of bench/floor_sweep.py's http.client on 8 threads), and half the server's. A feed that
does not answer is waited for here, with the fetcher's limits (connect, and read: silence
between bytes), while the others go on; one that times out is a failure the sweep reports
(`TimedOut`) in the fetcher's words. A server that never answers costs a refresh its read
timeout, once: the sweep used to give up on it after a second and the fetcher asked again.
"""

from __future__ import annotations

import errno
import selectors
import socket
import time
from collections import deque
from contextlib import nullcontext, suppress

TYPE_CHECKING = False
if TYPE_CHECKING:  # (typing is not loaded on an all-304 fetch's path: it loads re)
    from collections.abc import Callable, Iterator
    from contextlib import AbstractContextManager

    from tui.core.ingest.feed_request import Job

HEAD_LIMIT = 100 * 1024  # the largest response head accepted, as httpcore's
# A timeout's words, as neterrors words plain.py's (which this module must not load)
READ_TIMED_OUT = "timed out (the server sent nothing for {:g} s)"
CONNECT_TIMED_OUT = "timed out connecting (no connection within {:g} s)"

Origin = tuple[str, int]
Address = tuple[int, tuple[str, int]]  # family, (address, port)
Addresses = list[Address]  # a name's, in getaddrinfo's order: the next is tried if one fails


class Handed:
    """A request the sweep sent whose answer it leaves to the fetcher: the connection (non-
    blocking), the bytes read of the answer so far, and when the server last sent any."""

    __slots__ = ("read", "since", "sock")

    def __init__(self, sock: socket.socket, read: bytes, since: float) -> None:
        self.sock, self.read, self.since = sock, read, since


class TimedOut:
    """A feed that did not answer in time: the fetcher's words for it."""

    __slots__ = ("error",)

    def __init__(self, error: str) -> None:
        self.error = error

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TimedOut) and other.error == self.error

    def __hash__(self) -> int:
        return hash(self.error)

    def __repr__(self) -> str:
        return f"TimedOut({self.error!r})"


class _Conn:
    """One connection: its origin, the feed it asks now and what it has read of the answer."""

    __slots__ = ("buf", "connecting", "data", "kept", "key", "origin", "since", "sock")

    def __init__(self, sock: socket.socket, origin: Origin, kept: bool) -> None:
        self.sock, self.origin, self.kept = sock, origin, kept
        self.key, self.data, self.buf = "", b"", b""
        # when its connect began, its request went or the server last sent bytes
        self.since, self.connecting = 0.0, True


class _Over(Exception):
    """The sweep ends: an answer other than a 304, or a failure the fetcher words."""


class _Sweep:
    """The selector loop's state: each origin's feeds not yet asked, the open connections and
    the addresses found for host names (looked up on threads: getaddrinfo blocks)."""

    def __init__(self, jobs: list[Job], threads: int, per_host: int,
                 connect_timeout: float, read_timeout: float) -> None:
        self.queues: dict[Origin, deque[tuple[str, bytes]]] = {}
        for key, (host, port, *_), data in jobs:
            self.queues.setdefault((host, port), deque()).append((key, data))
        self.room, self.per_host = max(1, threads), max(1, per_host)
        self.connect_timeout, self.read_timeout = connect_timeout, read_timeout
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
        if names:  # (threading only then: a sweep of addresses starts no thread)
            import threading

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
        conn.since = time.monotonic()
        head, reuse = _head(conn.buf)
        if head is None and chunk:
            return None  # not all of the head yet
        if head != 304:
            raise _Over  # news (or trouble): the fetcher reads it from here
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

    def due(self, conn: _Conn) -> float:
        return conn.since + (self.connect_timeout if conn.connecting else self.read_timeout)

    def late(self) -> float:
        """Seconds until the first feed's connect or answer is overdue (<= 0: it is); host
        names not found within the connect timeout after the last one end the sweep."""
        dues = [self.due(k.data) for k in self.selector.get_map().values()
                if k.data is not None]
        if len(self.addresses) < len(self.queues):
            dues.append(self.looked_up + self.connect_timeout)
        return min(dues, default=time.monotonic() + self.read_timeout) - time.monotonic()

    def overdue(self) -> Iterator[tuple[str, TimedOut]]:
        """Close the connections whose connect or answer is overdue: their feeds failed."""
        now = time.monotonic()
        for key in list(self.selector.get_map().values()):
            conn = key.data
            if conn is not None and self.due(conn) <= now:
                self.close(conn)
                yield conn.key, TimedOut(
                    CONNECT_TIMED_OUT.format(self.connect_timeout) if conn.connecting
                    else READ_TIMED_OUT.format(self.read_timeout))
        if len(self.addresses) < len(self.queues) \
                and self.looked_up + self.connect_timeout <= now:
            raise _Over  # a host name not found in time: the fetcher tries and says why

    def end(self, handed: dict[str, Handed] | None) -> None:
        """Close every connection, but those with a request on the wire when `handed` takes
        them (the fetcher reads their answers)."""
        for key in list(self.selector.get_map().values()):
            conn = key.data
            if conn is None:
                continue
            if handed is not None and not conn.connecting:
                self.selector.unregister(conn.sock)
                handed[conn.key] = Handed(conn.sock, conn.buf, conn.since)
            else:
                conn.sock.close()
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


def sweep(jobs: list[Job], *, threads: int, per_host: int, connect_timeout: float,
          read_timeout: float,
          wake: Callable[[Callable[[], None]], AbstractContextManager[object]] | None = None,
          handed: dict[str, Handed] | None = None) -> Iterator[tuple[str, TimedOut | None]]:
    """Ask each job's feed (`jobs_of`) on at most `threads` connections, at most `per_host`
    to a host; yields each key as it answers 304 (with None) or times out (`TimedOut`).
    Ends after every one did, or at the first other answer or failure (the rest are not
    asked; the requests on the wire, that answer's among them, go into `handed` by key, or
    are closed without it), or on a stop (inside `wake(hook)`, a stop calls `hook`)."""
    if not jobs:
        return
    state = _Sweep(jobs, threads, per_host, connect_timeout, read_timeout)
    left = len(jobs)
    over = False
    try:
        with wake(state.stop) if wake else nullcontext():
            state.fill()
            while left:
                ready = state.selector.select(max(0.0, state.late()))
                if state.stopped:
                    return
                if not ready and state.late() <= 0:
                    for failed in state.overdue():
                        left -= 1
                        yield failed
                for key, events in ready:
                    if key.data is None:  # woken: a host name looked up (or a stop)
                        with suppress(BlockingIOError):
                            state.waker.recv(4096)
                        state.found_addresses()
                        continue
                    answered = state.step(key.data, bool(events & selectors.EVENT_WRITE))
                    if answered is not None:
                        left -= 1
                        yield answered, None
                state.fill()
    except _Over:
        over = True
    finally:
        state.end(handed if over and not state.stopped else None)
