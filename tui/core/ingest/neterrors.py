"""Why a request failed, in the words a reader is shown, whichever stack made it.

plain.py's failures and httpx's are worded alike (the same event, the same sentence), and
httpx's are looked for only when httpx is loaded: an unchanged refresh of plain-http feeds
never loads it.
"""

from __future__ import annotations

import errno
import ssl
import sys

from tui.core.ingest import plain
from tui.core.ingest.sweep import CONNECT_TIMED_OUT, READ_TIMED_OUT


class DecodingError(Exception):
    """A body that does not decompress as its Content-Encoding says."""


class Timeouts:
    """Each step's limit, in seconds (httpx.Timeout's fields: read, write and pool alike). A
    plain class: a dataclass costs a millisecond to make at import, on every command."""

    __slots__ = ("connect", "pool", "read", "write")

    def __init__(self, connect: float, read: float, write: float, pool: float) -> None:
        self.connect, self.read, self.write, self.pool = connect, read, write, pool


DNS_FAILURE = "the host name could not be resolved (DNS failure)"


def describe_error(exc: BaseException, timeout: Timeouts | None = None,
                   deadline: float = 0.0) -> str:
    """Turn an httpx, plain.py or OS exception into a sentence a reader understands. A
    timeout names the limit that ran out (`timeout`: per step; `deadline`: the whole
    answer's), not the deadline whatever fired: a server that never answered was said to have
    had 17 s when read_timeout had stopped it after 5."""
    if isinstance(exc, plain.Failure):
        return _plain_words(exc, timeout)
    httpx = sys.modules.get("httpx")  # not loaded: not one of its exceptions
    if httpx is None:
        if isinstance(exc, TimeoutError):
            return f"timed out (no complete answer within {deadline:g} s)"
        if isinstance(exc, DecodingError):
            return f"the response could not be decompressed: {exc}"
        if isinstance(exc, ValueError) and "URL" in str(exc):
            return f"invalid URL: {exc}"
        return f"{type(exc).__name__}: {exc}"
    if isinstance(exc, httpx.TimeoutException) and timeout is not None:
        if isinstance(exc, httpx.ConnectTimeout):
            return f"timed out connecting (no connection within {timeout.connect:g} s)"
        if isinstance(exc, httpx.ReadTimeout):
            return f"timed out (the server sent nothing for {timeout.read:g} s)"
        if isinstance(exc, httpx.WriteTimeout):
            return f"timed out sending the request ({timeout.write:g} s)"
        return f"timed out waiting for a free connection ({timeout.pool:g} s)"
    if isinstance(exc, (httpx.TimeoutException, TimeoutError)):
        return f"timed out (no complete answer within {deadline:g} s)"
    if isinstance(exc, httpx.ConnectError):
        return _connect_words(exc)
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"the server broke the HTTP protocol: {exc}"
    if isinstance(exc, httpx.InvalidURL) or (isinstance(exc, ValueError) and "URL" in str(exc)):
        return f"invalid URL: {exc}"
    if isinstance(exc, (httpx.DecodingError, DecodingError)):
        return f"the response could not be decompressed: {exc}"
    if isinstance(exc, httpx.HTTPError):
        return f"HTTP error: {exc}"
    return f"{type(exc).__name__}: {exc}"


def _connect_words(exc: BaseException) -> str:
    cause = exc.__context__ or exc.__cause__
    text = str(exc).lower()
    if isinstance(cause, ssl.SSLError) or "ssl" in text or "certificate" in text:
        return f"TLS/certificate failure: {exc}"
    if "name or service" in text or "nodename" in text or "getaddrinfo" in text \
            or "name resolution" in text:
        return DNS_FAILURE
    return f"could not connect: {_refusal(exc) or exc or 'connection refused'}"


def _plain_words(exc: plain.Failure, timeout: Timeouts | None) -> str:
    """plain.py's failures in the words httpx's get (the same event, the same sentence)."""
    if isinstance(exc, plain.ConnectFailed):
        return _connect_words(exc)
    if isinstance(exc, plain.ProtocolBroken):
        return f"the server broke the HTTP protocol: {exc}"
    if timeout is not None and isinstance(exc, plain.ConnectTimedOut):
        return CONNECT_TIMED_OUT.format(timeout.connect)  # the sweep's words too
    if timeout is not None and isinstance(exc, plain.ReadTimedOut):
        return READ_TIMED_OUT.format(timeout.read)
    if timeout is not None and isinstance(exc, plain.WriteTimedOut):
        return f"timed out sending the request ({timeout.write:g} s)"
    if isinstance(exc, (plain.ConnectTimedOut, plain.ReadTimedOut, plain.WriteTimedOut)):
        return "timed out"
    return f"HTTP error: {exc}"


_SOCKET_WORDS = {errno.ECONNREFUSED: "connection refused (nothing listens on that port)",
                 errno.ECONNRESET: "connection reset by the server",
                 errno.ENETUNREACH: "network unreachable",
                 errno.EHOSTUNREACH: "no route to the host"}


def _refusal(exc: BaseException) -> str | None:
    """What the socket said under httpx's "All connection attempts failed": a refused port
    is the commonest (a server down), and its words tell the user where to look."""
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        if isinstance(cause, OSError) and cause.errno in _SOCKET_WORDS:
            return _SOCKET_WORDS[cause.errno]
        cause = cause.__cause__ or cause.__context__
    return None


def passing(exc: BaseException) -> bool:
    """A network failure that may not happen next time (a TLS or URL problem will)."""
    if isinstance(exc, plain.Failure):
        if isinstance(exc, plain.ConnectFailed):
            return not _connect_words(exc).startswith("TLS")
        return not isinstance(exc, plain.Unsendable)
    httpx = sys.modules.get("httpx")
    if httpx is None:
        return isinstance(exc, (TimeoutError, ConnectionError))
    if isinstance(exc, (httpx.TimeoutException, TimeoutError, httpx.RemoteProtocolError)):
        return True
    if isinstance(exc, httpx.ConnectError):
        return not _connect_words(exc).startswith("TLS")
    return isinstance(exc, (httpx.NetworkError, ConnectionError))


