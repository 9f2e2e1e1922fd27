"""A feeds.toml of 10,000 feeds (an OPML import of a big subscription list) opens at once:
each new address looked for a moved feed with a query naming every configured address, so
the first command after the import took 10,000 queries of 10,000 parameters (30 s here). A
moved feed is still followed to its new address among them."""

from __future__ import annotations

import time
from pathlib import Path

from tui.core.store.db import connect
from tui.core.store.feeds import moved_warning, sync_feeds


def test_ten_thousand_new_feeds_sync_in_a_moment(tmp_path: Path) -> None:
    conn = connect(tmp_path / "cache.db")
    old = "http://old.example/rss"
    sync_feeds(conn, [("Moved", old)])
    conn.execute("UPDATE feeds SET last_error = ?", (moved_warning("http://new.example/rss"),))
    conn.commit()
    feeds = [(f"Feed {i}", f"http://127.0.0.1:9/{i}.xml") for i in range(10_000)]
    started = time.process_time()
    refs = sync_feeds(conn, [*feeds, ("Moved", "http://new.example/rss")])
    spent = time.process_time() - started
    assert len(refs) == 10_001
    assert refs["Moved"].url == "http://new.example/rss"
    assert conn.execute("SELECT count(*) FROM feeds").fetchone()[0] == 10_001  # its row kept
    assert spent < 4, f"{spent:.1f} s of CPU"  # was 13-28 s; 0.11-0.13 s now
