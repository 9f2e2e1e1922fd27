"""A feed cut off in the middle of its last item (a dropped connection, a proxy's size limit)
stores the items that arrived whole. The cut item, when nothing that it will still carry once
whole (its guid, its link) has arrived yet, is left for the next fetch: stored under a key made
of what little came, it stayed a linkless stub beside the whole item the next fetch brought."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tui.core.config.loader import load_config
from tui.core.desk import Desk
from tui.core.ingest.parse import parse_feed

ITEMS = [{"title": f"Envoys meet for round {i} of the Doha talks",
          "link": f"http://127.0.0.1/a/{i}", "guid": f"doha-{i}",
          "pubDate": f"Fri, 04 Dec 2026 0{i}:00:00 GMT",
          "description": f"Mediators said round {i} ended without a statement."}
         for i in range(3)]
WHOLE = rss(ITEMS)


def _cut_after(marker: bytes) -> bytes:
    """The document up to `marker` in the last item (the rest never arrived)."""
    return WHOLE[:WHOLE.rindex(marker)]


@pytest.mark.parametrize("marker", [b"<link>", b"<guid>", b"<pubDate>", b"<description>"])
def test_cut_items_come_back_once(server: LocalServer, tmp_path: Path, marker: bytes) -> None:
    url = server.add("/doha.xml", body=_cut_after(marker))
    with Desk.open(load_config(write_config(tmp_path, [("Doha", url)]))) as desk:
        first = desk.refresh(extract=False)
        assert first.feeds_failed == 0 and first.new_articles >= 2
        server.add("/doha.xml", body=WHOLE)
        desk.refresh(extract=False)
        rows = [tuple(r) for r in desk.conn.execute("SELECT title, url FROM articles")]
    assert sorted(rows, key=str) == sorted((i["title"], i["link"]) for i in ITEMS), rows


def test_whole_items_of_a_cut_feed_are_kept_and_said() -> None:
    parsed = parse_feed(_cut_after(b"<link>"), {}, "http://127.0.0.1/doha.xml")
    assert [e.title for e in parsed.entries] == [i["title"] for i in ITEMS[:2]]
    assert parsed.warning and parsed.warning.startswith("broken XML")
    assert "2 items recovered" in parsed.warning
    # a cut item that has its guid already is stored: the next fetch finds it by that key
    parsed = parse_feed(_cut_after(b"<description>"), {}, "http://127.0.0.1/doha.xml")
    assert len(parsed.entries) == 3
