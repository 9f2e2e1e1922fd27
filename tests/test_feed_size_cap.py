"""A feed cut at the size cap says so on its own row: a gzip, deflate or brotli bomb and an
endless body (plain or chunked) used to fail as "broken XML", which sent the reader looking
for a typo in the feed instead of at `max_feed_bytes`. The good feed beside them is stored."""

from __future__ import annotations

import zlib
from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer, brotli_bomb, gzip_bomb
from tui.core.config.loader import load_config
from tui.core.desk import Desk

GB = 1 << 30
CAP = 2_000_000


def deflate_bomb(inflated: int) -> bytes:
    """A zlib-wrapped deflate body inflating to about `inflated` zero bytes (gzip_bomb's trick)."""
    block = b"\0" * (1 << 20)
    comp = zlib.compressobj(9, zlib.DEFLATED, 15)
    first = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    again = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    return first + again * (inflated // len(block) - 1) + comp.flush()


def test_cut_feeds_name_the_cap(server: LocalServer, tmp_path: Path) -> None:
    add = server.add
    feeds = [
        ("Gz", add("/gz", body=gzip_bomb(GB), headers={"Content-Encoding": "gzip"})),
        ("Deflate", add("/df", body=deflate_bomb(GB), headers={"Content-Encoding": "deflate"})),
        ("Br", add("/br", body=brotli_bomb(GB), headers={"Content-Encoding": "br"})),
        ("Endless", add("/endless", endless=b"A" * 65536, max_seconds=20)),
        ("Chunked", add("/chunked", endless=b"<item>" * 6000, chunked=True, max_seconds=20)),
        ("Good", add("/good.xml", body=rss([{"title": "Envoys meet in Muscat", "guid": "g1",
                                             "link": "http://127.0.0.1/a"}]))),
    ]
    config = write_config(tmp_path, feeds, settings=f"max_feed_bytes = {CAP}\nextract = false"
                          "\nread_timeout = 10\nconnect_timeout = 10")
    with Desk.open(load_config(config)) as desk:
        summary = desk.refresh()
        rows = {f.name: f for f in desk.feeds()}
        titles = [desk.article(i).title for i in desk.ids()]  # type: ignore[union-attr]
    assert titles == ["Envoys meet in Muscat"], titles
    assert rows["Good"].last_error is None, rows["Good"]
    said = {"Gz": "its gzip body inflates past", "Deflate": "its deflate body inflates past",
            "Br": "its brotli body inflates past", "Endless": "it is larger than",
            "Chunked": "it is larger than"}
    for name, how in said.items():
        error = rows[name].last_error or ""
        assert error.startswith(f"feed cut off at the size cap: {how} max_feed_bytes "
                                f"({CAP} bytes); "), (name, error)
    assert {e["feed"] for e in summary.errors} == set(said), summary.errors
