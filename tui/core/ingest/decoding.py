"""Content-Encoding decoded in bounded steps, for fetch.py: a bomb never inflates past what
the size cap counts, and a compression newsdesk did not ask for is said, not read as text."""

from __future__ import annotations

import zlib
from collections.abc import Iterator

import brotli

from tui.core.ingest.neterrors import DecodingError

_STEP = 256 * 1024  # most bytes one decompression call may produce (brotli: up to ~2x)
_KNOWN = {"gzip", "x-gzip", "deflate", "br"}
# Compressions not asked for (Accept-Encoding names only _KNOWN) nor read, by their bodies'
# magic: such a body was read as text and said to be broken XML or a binary page.
_UNREAD = {"zstd": b"\x28\xb5\x2f\xfd", "compress": b"\x1f\x9d", "x-compress": b"\x1f\x9d"}


class Decoder:
    """Content-Encoding decoding that never inflates more than `_STEP` bytes at a time.

    httpx decodes each network chunk in one call: a 15 kB brotli body can expand to 10 GB in
    memory before any size check runs. Here output is pulled in bounded steps and counted.
    """

    def __init__(self, encoding: str) -> None:
        # Unknown labels ("UTF-8", "none", "binary" are all seen in the wild) mean the body
        # is sent as is, as httpx and browsers treat them.
        codings = [c.strip() for c in encoding.lower().split(",") if c.strip() in _KNOWN]
        if len(codings) > 1:
            raise DecodingError(f"unsupported stacked Content-Encoding {encoding!r}")
        self.kind = codings[0] if codings else "identity"
        self._first = True
        self._magic = b""  # an unread compression's: a body that begins so is refused
        if not codings:
            labels = [c.strip() for c in encoding.lower().split(",")]
            self._unread = next((c for c in labels if c in _UNREAD), "")
            self._magic = _UNREAD.get(self._unread, b"")
        if self.kind in ("gzip", "x-gzip"):
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS | 16)
        elif self.kind == "deflate":
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS | 32)  # zlib or gzip header
        elif self.kind == "br":
            self._br = brotli.Decompressor()

    def take(self, data: bytes, room: int) -> tuple[list[bytes], bool]:
        """`data` decoded, at most `room` bytes of it, and whether there was more. Run in a
        thread for a compressed body (`Fetcher._read`): inflating to the cap is CPU-bound
        (zlib and brotli let go of the GIL meanwhile)."""
        out: list[bytes] = []
        for chunk in self.decode(data):
            if len(chunk) > room:
                out.append(chunk[:room])
                return out, True
            out.append(chunk)
            room -= len(chunk)
        return out, False

    def decode(self, data: bytes) -> Iterator[bytes]:
        try:
            if self.kind == "identity":
                if self._magic and data:
                    if self._magic.startswith(data[: len(self._magic)]):  # a label may lie
                        raise DecodingError(
                            f"sent compressed as {self._unread}, which "
                            "newsdesk did not ask for and cannot read"
                        )
                    self._magic = b""
                yield data
            elif self.kind == "br":
                yield from self._unbrotli(data)
            else:
                yield from self._inflate(data)
        except (zlib.error, brotli.error) as exc:
            raise DecodingError(f"{self.kind}: {exc}") from None

    def _unbrotli(self, data: bytes) -> Iterator[bytes]:
        # Drain with empty input until nothing is pending: brotli may report it can take more
        # input while it still holds output, and new input then would lose that output.
        yield self._br.process(data, output_buffer_limit=_STEP)
        stuck = 0
        while stuck < 100:
            out = self._br.process(b"", output_buffer_limit=_STEP)
            if out:
                stuck = 0
                yield out
            elif self._br.can_accept_more_data():
                return
            else:
                stuck += 1
        raise brotli.error("the brotli stream makes no progress")

    def _inflate(self, data: bytes) -> Iterator[bytes]:
        try:
            out = self._zlib.decompress(data, _STEP)
        except zlib.error:
            if self.kind != "deflate" or not self._first:
                raise
            self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate labelled "deflate"
            out = self._zlib.decompress(data, _STEP)
        self._first = False
        yield out
        while self._zlib.unconsumed_tail:
            yield self._zlib.decompress(self._zlib.unconsumed_tail, _STEP)
