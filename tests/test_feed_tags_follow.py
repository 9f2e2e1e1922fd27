"""The tags feeds.toml gives a feed belong to the feed, as in newsboat: changed there, they are
its stored articles' at once; the tags the user gave stay, and a feed's tag keeps no article
from pruning. A real server on 127.0.0.1 and a real cache."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tui.core.config.loader import load_config
from tui.core.desk import Desk
from tui.core.store.db import connect, migrations

ITEMS = [{"title": f"Item {n}", "link": f"http://127.0.0.1:9/a{n}", "guid": f"a{n}",
          "pubDate": "Fri, 04 Dec 2026 07:00:00 GMT", "description": "Text."} for n in (1, 2)]


def _tags(desk: Desk) -> list[tuple[str, str, int]]:
    return [tuple(r) for r in desk.conn.execute(
        "SELECT a.title, t.tag, t.by_rule FROM tags t JOIN articles a ON a.id = t.article_id "
        "ORDER BY a.title, t.key")]


def _config(folder: Path, url: str, tags: list[str]) -> Path:
    return write_config(folder, [{"name": "Wire", "url": url, "tags": tags, "extract": False},
                                 {"name": "Other", "url": url.replace("wire", "other"), "tags": ["shared"],
                                  "extract": False}])


def test_changed_feed_tags_reach_the_stored_articles(tmp_path: Path) -> None:
    with LocalServer() as server:
        url = server.add("/wire.xml", body=rss(ITEMS), headers={"Content-Type": "text/xml"})
        server.add("/other.xml", body=rss(ITEMS[1:]), headers={"Content-Type": "text/xml"})
        path = _config(tmp_path, url, ["wire", "shared", "old"])
        with Desk.open(load_config(path)) as desk:
            desk.refresh(extract=False)
            first = desk.conn.execute("SELECT id FROM articles WHERE title = 'Item 1'").fetchone()
            desk.add_tags([first[0]], ["mine", "old"])  # "old" given by hand too: the user's
        path = _config(tmp_path, url, ["Wire", "new"])  # a case change and a new tag
        with Desk.open(load_config(path)) as desk:  # no fetch: the edit alone does it
            assert _tags(desk) == [
                ("Item 1", "mine", 0), ("Item 1", "new", 2), ("Item 1", "old", 0),
                ("Item 1", "wire", 2),
                # Item 2 is Other's too, which still gives "shared"
                ("Item 2", "new", 2), ("Item 2", "shared", 2), ("Item 2", "wire", 2)]
            assert desk.count("tag:new") == 2 and desk.count("tag:old") == 1


def test_a_cache_from_before_takes_back_the_feeds_tags_from_the_users(tmp_path: Path) -> None:
    """The version before stored a feed's tags as the user's: those the feed gives now become the
    feed's (and no longer keep articles from pruning); others stay the user's."""
    with LocalServer() as server:
        url = server.add("/wire.xml", body=rss(ITEMS), headers={"Content-Type": "text/xml"})
        path = _config(tmp_path, url, ["wire"])
        config = load_config(path)
        db = config.settings.cache_dir / "newsdesk.sqlite3"
        db.parent.mkdir(parents=True, exist_ok=True)
        before = next(v for v, name, _ in migrations() if name.endswith("feed_tags.sql")) - 1
        conn = connect(db, migrate_to=before)
        conn.execute("INSERT INTO feeds(url, name) VALUES(?, 'Wire')", (url,))
        for n, title in enumerate(("Item 1", "Item 2"), 1):
            conn.execute("INSERT INTO articles(id, key, title, published, first_seen) "
                         "VALUES(?, ?, ?, '2026-12-04T07:00:00Z', '2026-12-04T07:00:00Z')",
                         (n, f"k{n}", title))
            conn.execute("INSERT INTO article_feeds(article_id, feed_id) VALUES(?, 1)", (n,))
            conn.execute("INSERT INTO tags(article_id, key, tag) VALUES(?, 'wire', 'wire')",
                         (n,))
        conn.execute("INSERT INTO tags(article_id, key, tag) VALUES(1, 'mine', 'mine')")
        conn.commit()
        conn.close()
        with Desk.open(config) as desk:
            assert _tags(desk) == [("Item 1", "mine", 0), ("Item 1", "wire", 2),
                                   ("Item 2", "wire", 2)]


def test_a_rules_tag_on_an_article_its_feed_tags_alike_stays_when_the_feed_drops_it(
        tmp_path: Path) -> None:
    """The refresh gives the feed's tags first, then the rules run: a rule's tag the feed gave
    already was left marked as the feed's, so taking it out of the feed's `tags` took it off
    the article the rule matched too."""
    rule = '\n[[rule]]\nquery = \'title:"Item 1"\'\ntag = "Russia"\n'
    with LocalServer() as server:
        url = server.add("/wire.xml", body=rss(ITEMS), headers={"Content-Type": "text/xml"})
        server.add("/other.xml", body=rss([]), headers={"Content-Type": "text/xml"})
        path = _config(tmp_path, url, ["russia"])
        path.write_text(path.read_text() + rule)
        with Desk.open(load_config(path)) as desk:
            desk.refresh(extract=False)
            assert desk.count("tag:russia") == 2
        path = _config(tmp_path, url, [])
        path.write_text(path.read_text() + rule)
        with Desk.open(load_config(path)) as desk:
            assert [t for t in _tags(desk) if t[1] == "russia"] == [("Item 1", "russia", 1)]
