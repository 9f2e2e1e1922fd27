"""Feed requests over plain http on asyncio's streams and h11, without httpx.

An unchanged refresh is one conditional GET per feed, answered 304. Through httpx, httpcore
and anyio each cost about a millisecond of CPU (URL, Request and Response objects, a cancel
scope per read and write, the pool's checks) and loading the three ~50 ms: most of the run
beside CPython's own start-up. `Fetcher` sends a feed's plain-http hop here instead: h11, the
HTTP/1.1 parser httpcore itself uses, reads and writes the protocol (the same request bytes,
the same checks on the answer), and each origin's connections are kept for its next request.
https, article pages (checked against a LinkPolicy) and any URL httpx would rewrite stay on
httpx (`target` says which). Failures are `Failure`s, which fetch.describe_error words as it
words httpx's.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import AsyncIterator

import h11

from tui.core.ingest.feed_request import Target, target
from tui.core.ingest.sweep import Handed

__all__ = ["Failure", "Plain", "Response", "Target", "target"]

HEAD_LIMIT = 100 * 1024  # the largest response head accepted, as httpcore's
CHUNK = 64 * 1024


class Failure(Exception):
    """A request that failed on the way (not an answer the server gave)."""


class ConnectFailed(Failure):
    """No connection: DNS, a refused port, no route. The OSError is the cause."""


class ConnectTimedOut(Failure):
    pass


class ReadTimedOut(Failure):
    pass


class WriteTimedOut(Failure):
    pass


class NetworkFailed(Failure):
    """The connection broke while a request was sent or its answer read."""


class ProtocolBroken(Failure):
    """The server's bytes are not HTTP/1.1 (or stop before the answer does)."""


class Unsendable(Failure):
    """The request itself cannot be sent (a header value h11 refuses)."""


def _text(value: bytes) -> str:
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        return value.decode("latin-1")


class _Connection:
    __slots__ = ("first_wait", "h11", "reader", "writer")

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer
        self.h11 = h11.Connection(h11.CLIENT, max_incomplete_event_size=HEAD_LIMIT)
        self.first_wait: float | None = None  # the next read's limit, if not read_timeout

    def usable(self) -> bool:
        """Idle, and the server has not hung up meanwhile (as idle servers do)."""
        return (self.h11.our_state is h11.IDLE and self.h11.their_state is h11.IDLE
                and not self.reader.at_eof() and not self.writer.is_closing())

    def close(self) -> None:
        self.writer.close()


class Response:
    """One answer: status and headers read, the body read by `aiter_raw` (undecoded), then
    `aclose`, which keeps the connection for the origin's next request when it may be."""

    def __init__(self, pool: Plain, key: tuple[str, int], conn: _Connection,
                 event: h11.Response) -> None:
        self._pool, self._key = pool, key
        self._conn: _Connection | None = conn
        self.status_code = event.status_code
        self.raw_headers: list[tuple[bytes, bytes]] = list(event.headers)
        headers: dict[str, str] = {}  # as httpx's items(): repeated names joined by ", "
        for name, value in self.raw_headers:
            key_ = name.decode("latin-1")
            text = _text(value)
            headers[key_] = f"{headers[key_]}, {text}" if key_ in headers else text
        self.headers = headers
        self._ended = False

    async def aiter_raw(self) -> AsyncIterator[bytes]:
        while not self._ended and self._conn is not None:
            event = await self._pool.next_event(self._conn)
            if isinstance(event, h11.Data):
                yield bytes(event.data)
            elif isinstance(event, h11.EndOfMessage):
                self._ended = True

    async def aclose(self) -> None:
        conn, self._conn = self._conn, None
        if conn is None:
            return
        if self._ended and conn.h11.our_state is h11.DONE and conn.h11.their_state is h11.DONE:
            conn.h11.start_next_cycle()
            self._pool.keep(self._key, conn)
        else:  # a body left unread, or the server closes after it: never reused
            conn.close()


def _request(where: Target, headers: list[tuple[str, str]]) -> h11.Request:
    try:
        return h11.Request(method="GET", target=where[2], headers=[("Host", where[3]), *headers])
    except h11.LocalProtocolError as exc:
        raise Unsendable(str(exc)) from None


class Plain:
    """Kept connections per origin (at most `keep` idle each, `max_origins` origins, least
    recently used closed first) and the GET itself. The caller bounds concurrency."""

    def __init__(self, connect_timeout: float, read_timeout: float, keep: int,
                 max_origins: int) -> None:
        self.connect_timeout, self.read_timeout = connect_timeout, read_timeout
        self._keep, self._max = max(1, keep), max_origins
        self._idle: OrderedDict[tuple[str, int], list[_Connection]] = OrderedDict()

    async def get(self, where: Target, headers: list[tuple[str, str]]) -> Response:
        host, port = key = where[:2]
        request = _request(where, headers)
        conn = self._take(key)
        if conn is not None:
            try:
                return await self._send(key, conn, request)
            except (NetworkFailed, ProtocolBroken):
                if conn.h11.their_state is not h11.SEND_RESPONSE:
                    raise  # the answer had begun: that is the server's answer
                # the server closed the kept connection as the request went: a new one
        return await self._send(key, await self._connect(host, port), request)

    async def resume(self, where: Target, headers: list[tuple[str, str]],
                     handed: Handed) -> Response:
        """The answer to this request, which the sweep sent on `handed`'s socket (and read
        part of): read on from there, within what is left of read_timeout."""
        try:
            request = _request(where, headers)
            reader, writer = await asyncio.open_connection(sock=handed.sock, limit=CHUNK)
        except BaseException:
            handed.sock.close()
            raise
        conn = _Connection(reader, writer)
        conn.h11.send(request)  # already on the wire: h11 is told, nothing is written
        conn.h11.send(h11.EndOfMessage())
        if handed.read:  # (b"" would tell h11 the server hung up)
            conn.h11.receive_data(handed.read)
        conn.first_wait = max(0.0, self.read_timeout - (time.monotonic() - handed.since))
        try:
            return await self._answer(where[:2], conn)
        except BaseException:
            conn.close()
            raise

    async def _connect(self, host: str, port: int) -> _Connection:
        try:
            async with asyncio.timeout(self.connect_timeout):
                reader, writer = await asyncio.open_connection(host, port, limit=CHUNK)
        except TimeoutError:
            raise ConnectTimedOut() from None
        except OSError as exc:
            raise ConnectFailed(str(exc)) from exc
        return _Connection(reader, writer)

    async def _send(self, key: tuple[str, int], conn: _Connection,
                    request: h11.Request) -> Response:
        try:
            data = conn.h11.send(request) + conn.h11.send(h11.EndOfMessage())
            conn.writer.write(data)
            try:
                async with asyncio.timeout(self.read_timeout):
                    await conn.writer.drain()
            except TimeoutError:
                raise WriteTimedOut() from None
            except OSError as exc:
                raise NetworkFailed(str(exc)) from exc
            return await self._answer(key, conn)
        except BaseException:
            conn.close()
            raise

    async def _answer(self, key: tuple[str, int], conn: _Connection) -> Response:
        event = await self.next_event(conn)
        while isinstance(event, h11.InformationalResponse):  # 1xx: the answer follows
            event = await self.next_event(conn)
        if not isinstance(event, h11.Response):
            raise ProtocolBroken(f"unexpected {type(event).__name__} before the answer")
        return Response(self, key, conn, event)

    async def next_event(self, conn: _Connection) -> object:
        """The next h11 event of the answer, reading as needed, each read bounded in time."""
        while True:
            try:
                event = conn.h11.next_event()
            except h11.RemoteProtocolError as exc:
                raise ProtocolBroken(str(exc)) from None
            if event is not h11.NEED_DATA:
                return event
            wait, conn.first_wait = conn.first_wait, None
            try:
                async with asyncio.timeout(self.read_timeout if wait is None else wait):
                    data = await conn.reader.read(CHUNK)
            except TimeoutError:
                raise ReadTimedOut() from None
            except OSError as exc:
                raise NetworkFailed(str(exc)) from exc
            if not data and conn.h11.their_state is h11.SEND_RESPONSE:
                raise ProtocolBroken("Server disconnected without sending a response.")
            conn.h11.receive_data(data)

    def _take(self, key: tuple[str, int]) -> _Connection | None:
        idle = self._idle.get(key)
        while idle:
            conn = idle.pop()
            if conn.usable():
                return conn
            conn.close()
        return None

    def keep(self, key: tuple[str, int], conn: _Connection) -> None:
        idle = self._idle.setdefault(key, [])
        self._idle.move_to_end(key)
        if len(idle) >= self._keep:
            conn.close()
            return
        idle.append(conn)
        while len(self._idle) > self._max:
            for old in self._idle.popitem(last=False)[1]:
                old.close()

    async def aclose(self) -> None:
        idle, self._idle = self._idle, OrderedDict()
        for conns in idle.values():
            for conn in conns:
                conn.close()
        if idle:
            await asyncio.sleep(0)  # the sockets close now, before the loop may end
