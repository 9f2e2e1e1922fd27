"""Item links have a cap: a link over 8,192 bytes (seen at 1 MB) is no address. It was stored
whole, used as the key of an item with no guid and fetched as the item's page. Now the item is
keyed by the link's hash, keeps no link, has no page fetched, and its feed says so; ordinary
links keep their keys. A cache filled before the cap (schema 23) finds the same item at the
next fetch: migration 0024 gives it the new key and drops the link, and its marks and tags
stay."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.old_cache import old_cache
from tui.core.config.loader import load_config
from tui.core.desk import Desk


def _items(long_link: str, ordinary: str, title: str) -> list[dict[str, str]]:
    return [{"title": title, "link": long_link, "description": "Talks in Baku went on.",
             "pubDate": "02 Jun 2025 10:00:00 GMT"},
            {"title": "Ordinary", "link": ordinary, "description": "Plain.",
             "pubDate": "02 Jun 2025 11:00:00 GMT"}]


def _rows(desk: Desk) -> dict[str, tuple[str, str | None]]:
    return {title: (key, url) for title, key, url
            in desk.conn.execute("SELECT title, key, url FROM articles")}


def test_a_long_link_is_keyed_by_its_hash_and_never_fetched(server: LocalServer,
                                                             tmp_path: Path) -> None:
    long_link = server.url("/story?q=" + "x" * 1_000_000)
    ordinary = server.url("/plain?q=" + "y" * 8_000)  # under the cap: kept, fetched
    server.add("/plain", body=b"<html><body><p>Plain.</p></body></html>",
               headers={"Content-Type": "text/html"})
    url = server.add("/feed.xml", body=rss(_items(long_link, ordinary, "Talks in Baku")))
    with Desk.open(load_config(write_config(tmp_path, [("Wire", url)]))) as desk:
        for _ in range(2):  # the second fetch finds both again: no new article
            summary = desk.refresh()
            assert desk.count() == 2 and summary.feeds_failed == 0
        rows = _rows(desk)
        assert rows["Ordinary"] == ("url:" + ordinary, ordinary)  # as before the cap
        key, stored = rows["Talks in Baku"]
        assert key.startswith("url-sha256:") and len(key) == len("url-sha256:") + 64
        assert stored is None
        assert not [s for s in server.seen if s.path.startswith("/story")]
        assert [s for s in server.seen if s.path.startswith("/plain")]
        warnings = [w["warning"] for w in summary.as_json()["warnings"]]  # type: ignore[attr-defined]
        assert any("1 item link over 8 KB not kept" in w for w in warnings), warnings
        feed = desk.feeds()[0]
        assert feed.warning and "over 8 KB" in feed.warning


def test_a_cache_filled_before_the_cap_finds_the_same_item(server: LocalServer,
                                                            tmp_path: Path) -> None:
    """Schema 23 stored the whole link as the link and, after 'url:', as the key. After the
    upgrade the feed, its headline corrected, updates that article: the same id, still saved
    and tagged, its link gone; the ordinary one is untouched."""
    long_link = server.url("/story?q=" + "x" * 1_000_000)
    ordinary = server.url("/plain?q=1")
    url = server.add("/feed.xml", body=rss(_items(long_link, ordinary,
                                                  "Talks in Baku, corrected")))
    config = load_config(write_config(tmp_path, [("Wire", url)], settings="extract = false"))
    old_cache(tmp_path, 23, url, [(7, "url:" + long_link, long_link, "Talks in Baku", 1),
                (8, "url:" + ordinary, ordinary, "Ordinary", 0)])
    with Desk.open(config) as desk:
        summary = desk.refresh()
        assert summary.new_articles == 0 and desk.count() == 2, summary.as_json()
        article = desk.article(7)
        assert article is not None and article.title == "Talks in Baku, corrected"
        assert article.saved and "dossier" in article.tags and article.url is None
        assert _rows(desk)["Ordinary"] == ("url:" + ordinary, ordinary)


def test_a_redirect_to_a_long_address_is_not_followed(server: LocalServer,
                                                      tmp_path: Path) -> None:
    """A page that answers 301 to a 20 KB address (under the server's 100 KB head limit): the
    address was asked for and stored as the page's. Now the page fails in words, the item
    keeps its own link, and no request goes to the long address."""
    server.add("/story", body=b"<html><body><p>Talks went on.</p></body></html>",
               headers={"Content-Type": "text/html"})
    hop = server.add("/hop", status=301,
                     headers={"Location": server.url("/story?q=" + "x" * 20_000)})
    url = server.add("/feed.xml", body=rss([{"title": "Talks in Baku", "link": hop,
                                             "guid": "b1", "description": "Talks."}]))
    with Desk.open(load_config(write_config(tmp_path, [("Wire", url)]))) as desk:
        desk.refresh()
        article = desk.article(desk.ids()[0])
        assert article is not None and article.url == hop
        assert article.body_source != "page"
        assert "over 8 KB" in (article.extract_error or ""), article.extract_error
        assert not [s for s in server.seen if s.path.startswith("/story")]
        assert desk.conn.execute("SELECT count(*) FROM pages").fetchone()[0] == 0


def test_items_sharing_a_long_link_stay_apart() -> None:
    """Two items without guids under one over-long link, other headlines: two items (as
    with an ordinary shared link), not one keyed by the link's hash and the other lost."""
    from tui.core.ingest.parse import parse_feed, shared_link_key

    link = "http://127.0.0.1:9/live?q=" + "x" * 10_000
    doc = rss([{"title": f"Live: day {n} in Kyiv", "link": link, "description": f"Day {n}."}
               for n in range(2)])
    parsed = parse_feed(doc, {}, "http://127.0.0.1:9/feed.xml")
    assert [e.title for e in parsed.entries] == ["Live: day 0 in Kyiv", "Live: day 1 in Kyiv"]
    assert len({e.key for e in parsed.entries}) == 2
    assert all(e.url is None for e in parsed.entries)
    # the keys they had before the cap (a cache filled then finds them)
    assert [e.key for e in parsed.entries] == [shared_link_key(link, f"Live: day {n} in Kyiv")
                                               for n in range(2)]
