"""Feeds over https: a server whose certificate the user's trust store holds is fetched on a
kept connection; one it does not hold is that feed's clear error (never a silent plain-http
retry). SSL_CERT_FILE is how a user adds a CA (a company proxy's, a self-hosted feed's): httpx
reads it when the TLS context is made, which is what the first test relies on."""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.httpserver import LocalServer
from tui.core.ingest.fetch import Fetcher

TLS = Path(__file__).parent / "data" / "tls"  # a self-signed pair for 127.0.0.1, test-only


@pytest.fixture
def tls_server() -> Iterator[LocalServer]:
    server = LocalServer()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(TLS / "loopback.pem", TLS / "loopback.key")
    server.httpd.socket = context.wrap_socket(server.httpd.socket, server_side=True)
    with server:
        yield server


def _fetch(url: str, times: int = 1) -> list[tuple[int | None, str | None, bytes]]:
    async def run() -> list[tuple[int | None, str | None, bytes]]:
        async with Fetcher(connect_timeout=2, read_timeout=2) as fetcher:
            results = []
            for _ in range(times):
                result = await fetcher.get(url, max_bytes=1 << 20)
                results.append((result.status, result.error, result.body or b""))
            return results

    return asyncio.run(run())


def test_a_trusted_https_feed_is_fetched_on_one_kept_connection(
        tls_server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(TLS / "loopback.pem"))
    tls_server.add("/feed.xml", body=b"<rss version='2.0'><channel/></rss>")
    url = f"https://127.0.0.1:{tls_server.port}/feed.xml"

    results = _fetch(url, times=3)

    assert [(status, error) for status, error, _ in results] == [(200, None)] * 3
    assert results[0][2].startswith(b"<rss")
    assert len({seen.client_port for seen in tls_server.seen}) == 1


def test_an_untrusted_certificate_is_a_clear_error_on_that_feed(
        tls_server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    tls_server.add("/feed.xml", body=b"<rss/>")

    [(status, error, body)] = _fetch(f"https://127.0.0.1:{tls_server.port}/feed.xml")

    assert status is None and body == b""
    assert error is not None and error.startswith("TLS/certificate failure")
    assert "certificate verify failed" in error
    assert tls_server.seen == []  # nothing was asked over a connection we do not trust
