"""The ingest pipeline end to end against a real loopback server and a real SQLite cache."""

from __future__ import annotations

import json
import time
from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tui.core.config.loader import load_config
from tui.core.desk import Desk

PAGE = """<html><head><title>{t}</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/opinion">Opinion</a></nav>
<div class="cookie">We use cookies to improve your experience. Accept all cookies?</div>
<article><h1>{t}</h1>
<p>{p1}</p>
<p>{p2}</p>
</article>
<aside><h3>Most read</h3><ul><li><a href="/x">Unrelated headline about football</a></li></ul></aside>
<footer>Copyright 2024 Example Media. All rights reserved.</footer>
</body></html>"""

P1 = ("Officials in the capital confirmed on Monday that the delegation had arrived for two days "
      "of talks on regional security, energy supplies and the future of a long-delayed pipeline.")
P2 = ("Diplomats said the meetings would continue into the evening, with a joint statement "
      "expected once both sides had agreed on wording about sanctions and shipping routes.")


def page(title: str) -> bytes:
    return PAGE.format(t=title, p1=P1, p2=P2).encode()


def open_desk(tmp_path: Path, feeds: list, **kw: str) -> Desk:
    return Desk.open(load_config(write_config(tmp_path, feeds, **kw)))


def _items(server: LocalServer, prefix: str, n: int) -> list[dict[str, str]]:
    items = []
    for i in range(n):
        link = server.add(f"/{prefix}/{i}.html", body=page(f"{prefix} story {i}"),
                          headers={"Content-Type": "text/html; charset=utf-8"})
        items.append({"title": f"{prefix} story {i}", "link": link, "guid": link,
                      "pubDate": f"Mon, 05 Aug 2024 1{i}:00:00 +0330",
                      "description": f"Summary of {prefix} story {i}."})
    return items


def test_fetch_extract_list_show(server: LocalServer, tmp_path: Path) -> None:
    url = server.add("/a.xml", body=rss(_items(server, "a", 3)), etag='"v1"',
                     headers={"Content-Type": "application/rss+xml"})
    with open_desk(tmp_path, [("Alpha", url)]) as desk:
        summary = desk.refresh()
        assert (summary.feeds_ok, summary.new_articles, summary.extracted) == (1, 3, 3)
        rows = desk.articles()
        assert [r.title for r in rows] == ["a story 2", "a story 1", "a story 0"]
        assert rows[0].published.isoformat() == "2024-08-05T08:30:00+00:00"  # +0330 -> UTC
        article = desk.article(rows[0].id)
        assert article is not None and article.body_source == "page"
        assert P1 in article.body and P2 in article.body
        for junk in ("cookies", "Most read", "football", "Copyright", "Opinion"):
            assert junk not in article.body


def test_second_fetch_is_304_and_writes_only_when_checked(server: LocalServer,
                                                           tmp_path: Path) -> None:
    """A 304 stores nothing but the feed's check time: `last ok` moves (a user reading an
    old time after a refresh took it for a failure), nothing else does."""
    url = server.add("/a.xml", body=rss(_items(server, "a", 2)), etag='"v1"')
    with open_desk(tmp_path, [("Alpha", url)]) as desk:
        desk.refresh()
        with desk.conn:  # as if the first refresh were a day ago
            desk.conn.execute("UPDATE feeds SET last_ok = '2024-08-05T00:00:00Z'")
        before = desk.conn.total_changes
        seen = len(server.seen)
        summary = desk.refresh()
        assert summary.not_modified == 1 and summary.new_articles == 0
        assert desk.conn.total_changes == before + 1  # the one feed row's stamp
        last_ok = desk.feeds()[0].last_ok
        assert last_ok is not None and last_ok.year > 2024
        assert len(server.seen) == seen + 1  # only the feed, no page downloaded again
        assert server.seen[-1].headers["if-none-match"] == '"v1"'


def test_an_all_304_refresh_stamps_its_feeds_in_one_statement(server: LocalServer,
                                                                tmp_path: Path) -> None:
    """The check stamps of an all-304 refresh are one UPDATE, not one per feed (a third of
    the write's CPU on 200 feeds), and every feed's `last ok` still moves."""
    feeds = [(f"Feed {i}", server.add(f"/f{i}.xml", body=rss(_items(server, f"f{i}", 1)),
                                      etag=f'"e{i}"')) for i in range(12)]
    with open_desk(tmp_path, feeds) as desk:
        desk.refresh()
        with desk.conn:
            desk.conn.execute("UPDATE feeds SET last_ok = '2024-08-05T00:00:00Z'")
        updates: list[str] = []
        desk.conn.set_trace_callback(
            lambda sql: updates.append(sql) if sql.lstrip().upper().startswith("UPDATE") else None)
        summary = desk.refresh()
        desk.conn.set_trace_callback(None)
        assert summary.not_modified == len(feeds) and summary.new_articles == 0
        assert len(updates) == 1, updates
        assert all(f.last_ok is not None and f.last_ok.year > 2024 for f in desk.feeds())



def test_unchanged_refresh_takes_no_write_lock(server: LocalServer, tmp_path: Path) -> None:
    """A cron fetch with nothing new neither waits for nor blocks the reader's writes: it runs
    through while another process holds the cache's write lock, and commits nothing."""
    import sqlite3

    url = server.add("/a.xml", body=rss(_items(server, "a", 2)), etag='"v1"')
    with open_desk(tmp_path, [("Alpha", url)], settings="extract = false") as desk:
        desk.refresh()
        other = sqlite3.connect(desk.db_path, isolation_level=None)
        version = other.execute("PRAGMA data_version").fetchone()[0]
        other.execute("BEGIN IMMEDIATE")  # the reader in the middle of a write
        try:
            started = time.monotonic()
            assert desk.refresh().not_modified == 1
            assert time.monotonic() - started < 3  # not a busy timeout's worth of waiting
        finally:
            other.execute("ROLLBACK")
        assert other.execute("PRAGMA data_version").fetchone()[0] == version
        other.close()


def test_304_after_failures_clears_the_error(server: LocalServer, tmp_path: Path) -> None:
    url = server.add("/a.xml", body=rss(_items(server, "a", 2)), etag='"v1"')
    with open_desk(tmp_path, [("Alpha", url)], settings="extract = false") as desk:
        desk.refresh()
        server.add("/a.xml", status=503, body=b"down")
        desk.refresh()
        assert desk.feeds()[0].failures == 1 and desk.feeds()[0].last_error
        server.add("/a.xml", body=b"", etag='"v1"')  # back, and unchanged: a 304
        assert desk.refresh().not_modified == 1
        status = desk.feeds()[0]
        assert status.failures == 0 and status.last_error is None and status.last_ok

def test_broken_feed_beside_good_ones(server: LocalServer, tmp_path: Path) -> None:
    good = server.add("/good.xml", body=rss(_items(server, "g", 2)))
    feeds = [("Good", good), ("Missing", server.url("/nope.xml")),
             ("Broken", server.add("/broken.xml", body=b"<html><body>not a feed</body></html>",
                                   headers={"Content-Type": "text/html"})),
             ("Error", server.add("/500.xml", status=500, body=b"oops")),
             ("Slow", server.add("/slow.xml", delay=5, body=rss([])))]
    with open_desk(tmp_path, feeds) as desk:
        started = time.monotonic()
        summary = desk.refresh(extract=False)
        assert time.monotonic() - started < 15
        assert summary.feeds_ok == 1 and summary.new_articles == 2
        errors = {e["feed"]: e["error"] for e in summary.errors}
        assert "404" in errors["Missing"] and "500" in errors["Error"]
        assert "not a feed" in errors["Broken"]
        assert "timed out" in errors["Slow"]
        status = {f.name: f for f in desk.feeds()}
        assert status["Missing"].failures == 1 and status["Good"].last_ok is not None
        assert "404" in (status["Missing"].last_error or "")


def test_same_article_in_two_feeds_is_stored_once(server: LocalServer, tmp_path: Path) -> None:
    items = _items(server, "s", 2)
    one = server.add("/one.xml", body=rss(items))
    two = server.add("/two.xml", body=rss(items[:1]))
    feeds = [{"name": "One", "url": one, "tags": ["levant"]},
             {"name": "Two", "url": two, "tags": ["wire"]}]
    with open_desk(tmp_path, feeds) as desk:
        desk.refresh(extract=False)
        assert desk.count() == 2
        shared = desk.article(desk.articles("+wire")[0].id)
        assert shared is not None and set(shared.feeds) == {"One", "Two"}
        assert set(shared.tags) == {"levant", "wire"}


def test_redirects_and_relative_links(server: LocalServer, tmp_path: Path) -> None:
    body = rss([{"title": "Rel", "link": "/rel/1.html", "guid": "rel-1"}])
    server.add("/real.xml", body=body)
    server.add("/rel/1.html", body=page("Rel"))
    server.add("/moved.xml", status=301, headers={"Location": "/real.xml"})
    with open_desk(tmp_path, [("Moved", server.url("/moved.xml"))]) as desk:
        desk.refresh()
        article = desk.article(desk.articles()[0].id)
        assert article is not None and article.url == server.url("/rel/1.html")
        assert article.body_source == "page"


def test_page_failure_falls_back_to_feed_text(server: LocalServer, tmp_path: Path) -> None:
    items = [{"title": "Gone", "link": server.url("/gone.html"), "guid": "gone",
              "description": "&lt;p&gt;The feed's own summary survives.&lt;/p&gt;"}]
    url = server.add("/f.xml", body=rss(items))
    with open_desk(tmp_path, [("F", url)]) as desk:
        desk.refresh()
        article = desk.article(desk.articles()[0].id)
        assert article is not None
        assert article.body_source == "summary"
        assert article.body == "The feed's own summary survives."
        assert "404" in (article.extract_error or "")


def test_state_survives_reopen(server: LocalServer, tmp_path: Path) -> None:
    url = server.add("/a.xml", body=rss(_items(server, "a", 2)))
    config = load_config(write_config(tmp_path, [("A", url)]))
    with Desk.open(config) as desk:
        desk.refresh(extract=False)
        first = desk.articles()[0].id
        desk.set_saved(first)
        desk.add_tags([first], ["iran"])
        desk.set_read([first])
    with Desk.open(config) as desk:
        row = desk.articles()[0]
        assert row.saved and row.read and "iran" in row.tags
        assert json.loads(json.dumps({"ok": True}))


def test_feed_view_is_exact_when_a_feed_has_that_name(server: LocalServer,
                                                      tmp_path: Path) -> None:
    one = server.add("/bbc.xml", body=rss([{"title": "World", "guid": "w"}]))
    two = server.add("/ru.xml", body=rss([{"title": "Mir", "guid": "m"}]))
    with open_desk(tmp_path, [("BBC", one), ("BBC Russian", two)]) as desk:
        desk.refresh(extract=False)
        assert [r.title for r in desk.articles('feed:"bbc"')] == ["World"]
        assert {r.title for r in desk.articles("feed:bb")} == {"World", "Mir"}
        first = desk.articles()[0].id
        desk.dismiss([first])
        desk.undismiss([first])
        assert not desk.article(first).dismissed


def test_reextract_rebuilds_bodies_offline(server: LocalServer, tmp_path: Path) -> None:
    url = server.add("/a.xml", body=rss(_items(server, "a", 2)))
    with open_desk(tmp_path, [("A", url)]) as desk:
        desk.refresh()
        ids = desk.ids()
        with desk.conn:
            desk.conn.execute("UPDATE articles SET body = 'stale' WHERE id = ?", (ids[0],))
        server.routes.clear()  # the site is gone: only the cached raw pages remain
        seen = len(server.seen)
        assert desk.reextract() == (2, 1)  # the stale body; the other came out the same
        assert len(server.seen) == seen
        article = desk.article(ids[0])
        assert article is not None and P1 in article.body


def test_prune_keeps_saved_and_recent(server: LocalServer, tmp_path: Path) -> None:
    items = _items(server, "a", 3)
    url = server.add("/a.xml", body=rss(items))
    with open_desk(tmp_path, [("A", url)], settings="keep_days = 30") as desk:
        desk.refresh(extract=False)
        old_saved, old_plain, recent = desk.ids()
        desk.set_saved(old_saved)
        with desk.conn:
            desk.conn.execute("UPDATE articles SET first_seen = '2024-01-01T00:00:00Z' "
                              "WHERE id IN (?, ?)", (old_saved, old_plain))
        server.add("/a.xml", body=rss(items[:1]))  # the feed no longer sends the old two
        assert desk.refresh(extract=False).pruned == 1
        assert set(desk.ids()) == {old_saved, recent}


def test_every_host_unresolvable_is_said_once_as_offline(server: LocalServer,
                                                         tmp_path: Path) -> None:
    """Offline, every feed fails on its host name: the summary says "offline?" once instead
    of leaving 32 DNS failures to be read one by one. One feed that worked says otherwise."""
    from tui.cli.progress import summary_line

    feeds = [("A", "http://a.example.invalid/rss.xml"), ("B", "http://b.example.invalid/rss")]
    with open_desk(tmp_path, feeds) as desk:
        summary = desk.refresh(extract=False)
        assert summary.feeds_failed == 2 and summary.offline
        assert "offline?" in summary_line(summary)
    good = server.add("/good.xml", body=rss(_items(server, "g", 1)))
    (tmp_path / "2").mkdir()
    with open_desk(tmp_path / "2", [*feeds, ("Good", good)]) as desk:
        summary = desk.refresh(extract=False)
        assert summary.feeds_failed == 2 and not summary.offline
        assert "offline" not in summary_line(summary)
