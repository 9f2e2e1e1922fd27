"""keep_days prunes what nobody kept: a saved article, one the user tagged by hand and, in
the reader, a marked one stay however old; a tag a [[rule]] gave keeps nothing (rules may tag
whole feeds). Real `newsdesk` processes and the app through Pilot, a loopback server."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_app_support import main, make_app, settle
from tests.test_cli_probes import newsdesk
from tui.core.config.loader import load_config
from tui.core.desk import Desk
from tui.core.store.db import connect
from tui.core.store.pruning import prune
from tui.core.store.write_turns import transaction

RULE = """
[[rule]]
query = "feed:A"
tag = "alpha"
"""


def _feed(server: LocalServer, tmp_path: Path) -> Path:
    """Four dated items of feed A, a rule tagging them all, keep_days = 30."""
    items = [{"title": f"Item {i}", "guid": f"g{i}", "pubDate": f"Mon, 05 Aug 2024 1{i}:00:00 GMT"}
             for i in range(4)]
    url = server.add("/a.xml", body=rss(items))
    return write_config(tmp_path, [{"name": "A", "url": url, "extract": False}], extra=RULE,
                        settings="keep_days = 30")


def _drop_items(server: LocalServer) -> None:
    """The feed no longer sends its items (an item a feed still sends is never pruned)."""
    server.add("/a.xml", body=rss([]))


def _age(config: Path, ids: list[int]) -> None:
    """As if these were first fetched long ago (their items are dated 2024 already)."""
    with sqlite3.connect(config.parent / "cache" / "newsdesk.sqlite3") as conn:
        conn.executemany("UPDATE articles SET first_seen = '2024-08-06T00:00:00Z' WHERE id = ?",
                         [(i,) for i in ids])


def _ids(config: Path) -> list[int]:
    listed = newsdesk("--config", str(config), "list", "--limit", "0")
    return sorted(int(line.split()[0]) for line in listed.stdout.splitlines())


def test_a_fetch_prunes_neither_saved_nor_hand_tagged_articles(server: LocalServer,
                                                               tmp_path: Path) -> None:
    config = _feed(server, tmp_path)
    assert newsdesk("--config", str(config), "fetch").returncode == 0
    saved, tagged, ruled, recent = _ids(config)
    assert newsdesk("--config", str(config), "save", str(saved)).returncode == 0
    assert newsdesk("--config", str(config), "tag", str(tagged), "--add", "dossier").returncode == 0
    _age(config, [saved, tagged, ruled])
    _drop_items(server)
    assert newsdesk("--config", str(config), "fetch").returncode == 0
    assert _ids(config) == [saved, tagged, recent]  # `ruled` had only the rule's #alpha


def test_a_tag_the_user_gives_that_a_rule_gave_first_keeps_it(server: LocalServer,
                                                              tmp_path: Path) -> None:
    config = _feed(server, tmp_path)
    assert newsdesk("--config", str(config), "fetch").returncode == 0
    first, *others = _ids(config)
    assert newsdesk("--config", str(config), "tag", str(first), "--add", "ALPHA").returncode == 0
    _age(config, [first, *others])
    _drop_items(server)
    assert newsdesk("--config", str(config), "fetch").returncode == 0
    assert _ids(config) == [first]


async def test_the_readers_refresh_prunes_no_marked_article(server: LocalServer,
                                                            tmp_path: Path) -> None:
    config = load_config(_feed(server, tmp_path))
    with Desk.open(config) as desk:
        await asyncio.to_thread(desk.refresh)  # Desk.refresh runs its own event loop
        newest, *old = desk.ids()
        _age(config.path, old)
        _drop_items(server)
        app = make_app(desk, config)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await pilot.press("j", "m", "R")  # marks the second row, an old one
            await settle(pilot)
            assert main(app).articles.marked == {old[0]}
            assert desk.ids() == [newest, old[0]]


def test_tags_from_before_0015_count_as_the_users(tmp_path: Path) -> None:
    """Which tags rules gave was not stored: none of them loses an article it kept before."""
    path = tmp_path / "newsdesk.sqlite3"
    conn = connect(path, migrate_to=14)
    with transaction(conn):
        conn.execute("INSERT INTO articles(id, key, title, published, first_seen) "
                     "VALUES(1, 'k1', 'Old', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')")
        conn.execute("INSERT INTO tags(article_id, key, tag) VALUES(1, 'iran', 'iran')")
    conn.close()
    conn = connect(path)
    assert [tuple(r) for r in conn.execute("SELECT by_rule FROM tags")] == [(0,)]
    assert prune(conn, 30) == 0
    conn.close()
