"""Guids have a cap: one over 1,024 bytes (a whole post, padding: seen at 1 MB) is keyed by
its hash, not stored whole as the key; ordinary guids keep their keys. A cache filled before
the cap (schema 22, the long guid as its key) finds the same item at the next fetch:
migration 0023 gives it the new key, and its marks and tags stay."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tui.core.config.loader import load_config
from tui.core.desk import Desk
from tui.core.store.db import DB_NAME, connect
from tui.core.store.write_turns import transaction

LONG = "tag:wire.example,2025:" + "x" * 1_000_000  # no URL: no link to match it by
ORDINARY = "tag:wire.example,2025:" + "y" * 1000  # 1,022 bytes: under the cap


def _items(title: str) -> list[dict[str, str]]:
    return [{"title": title, "guid": LONG, "description": "Talks in Baku went on.",
             "pubDate": "02 Jun 2025 10:00:00 GMT"},
            {"title": "Ordinary", "guid": ORDINARY, "description": "Plain.",
             "pubDate": "02 Jun 2025 11:00:00 GMT"}]


def _keys(desk: Desk) -> dict[str, str]:
    return {title: key for title, key in desk.conn.execute("SELECT title, key FROM articles")}


def test_a_long_guid_is_keyed_by_its_hash(server: LocalServer, tmp_path: Path) -> None:
    url = server.add("/feed.xml", body=rss(_items("Talks in Baku")))
    with Desk.open(load_config(write_config(tmp_path, [("Wire", url)],
                                            settings="extract = false"))) as desk:
        for _ in range(2):  # the second fetch finds both again: no new article
            summary = desk.refresh()
            assert desk.count() == 2 and summary.feeds_failed == 0
        keys = _keys(desk)
        assert keys["Ordinary"] == "guid:" + ORDINARY  # as before the cap
        assert keys["Talks in Baku"].startswith("guid-sha256:")
        assert len(keys["Talks in Baku"]) == len("guid-sha256:") + 64


def test_a_cache_filled_before_the_cap_finds_the_same_item(server: LocalServer,
                                                            tmp_path: Path) -> None:
    """Schema 22 stored 'guid:' + the whole guid. After the upgrade the feed, its headline
    corrected, updates that article: the same id, still saved and tagged, not a new one."""
    url = server.add("/feed.xml", body=rss(_items("Talks in Baku, corrected")))
    config = load_config(write_config(tmp_path, [("Wire", url)], settings="extract = false"))
    path = tmp_path / "cache" / DB_NAME
    path.parent.mkdir(parents=True)
    conn = connect(path, migrate_to=22)
    with transaction(conn):
        conn.execute("INSERT INTO feeds (id, url, name) VALUES (1, ?, 'Wire')", (url,))
        conn.executemany(
            "INSERT INTO articles (id, key, title, summary, published, first_seen, saved) "
            "VALUES (?, ?, ?, 'Talks in Baku went on.', '2025-06-02T10:00:00Z', "
            "'2025-06-02T10:00:00Z', ?)",
            [(7, "guid:" + LONG, "Talks in Baku", 1), (8, "guid:" + ORDINARY, "Ordinary", 0)])
        conn.executemany("INSERT INTO article_feeds (article_id, feed_id) VALUES (?, 1)",
                         [(7,), (8,)])
        conn.execute("INSERT INTO tags (article_id, key, tag, by_rule) "
                     "VALUES (7, 'dossier', 'dossier', 0)")
    conn.close()
    with Desk.open(config) as desk:
        summary = desk.refresh()
        assert summary.new_articles == 0 and desk.count() == 2, summary.as_json()
        article = desk.article(7)
        assert article is not None and article.title == "Talks in Baku, corrected"
        assert article.saved and "dossier" in article.tags
        assert _keys(desk)["Ordinary"] == "guid:" + ORDINARY
