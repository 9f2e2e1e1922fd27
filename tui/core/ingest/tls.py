"""The TLS context, one for feeds and pages, made for the first https origin."""

from __future__ import annotations

import ssl


class Contexts:
    """The TLS context, made for the first https origin (loading the CA bundle costs ~30 ms):
    an unchanged refresh of http feeds makes none. One for both transports (feeds, pages)."""

    def __init__(self) -> None:
        self.tls: ssl.SSLContext | None = None
        self._plain: ssl.SSLContext | None = None

    def for_scheme(self, scheme: bytes) -> ssl.SSLContext:
        if scheme != b"https":
            # Never used for a connection: a plain-http pool makes no TLS handshake (httpcore
            # asks for the context only for https). Verifying, with no CA: it would fail closed.
            if self._plain is None:
                self._plain = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            return self._plain
        if self.tls is None:
            import httpx

            self.tls = httpx.create_ssl_context()
        return self.tls
