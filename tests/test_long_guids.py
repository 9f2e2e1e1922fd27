"""Guids have a cap: one over 1,024 bytes (a whole post, padding: seen at 1 MB) is keyed by
its hash, not stored whole as the key; ordinary guids keep their keys. A cache filled before
the cap (schema 22, the long guid as its key) finds the same item at the next fetch:
migration 0023 gives it the new key, and its marks and tags stay."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.old_cache import old_cache
from tui.core.config.loader import load_config
from tui.core.desk import Desk

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
    old_cache(tmp_path, 22, url, [(7, "guid:" + LONG, None, "Talks in Baku", 1), (8, "guid:" + ORDINARY, None, "Ordinary", 0)])
    with Desk.open(config) as desk:
        summary = desk.refresh()
        assert summary.new_articles == 0 and desk.count() == 2, summary.as_json()
        article = desk.article(7)
        assert article is not None and article.title == "Talks in Baku, corrected"
        assert article.saved and "dossier" in article.tags
        assert _keys(desk)["Ordinary"] == "guid:" + ORDINARY
