"""Article pages per feed per refresh are bounded (newest first; the rest wait for later
refreshes or the reader), and items that share one link stay distinct articles."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer, http_date
from tui.core.config.loader import load_config
from tui.core.desk import Desk

PAGE = ("<html><body><article><h1>Page</h1>" + "<p>The article page itself, with enough "
        "words in it for the extractor to keep it as a body.</p>" * 6
        + "</article></body></html>").encode()


def _items(server: LocalServer, n: int) -> list[dict[str, str]]:
    for i in range(n):
        server.add(f"/a{i}", body=PAGE, headers={"Content-Type": "text/html"})
    return [{"title": f"Story {i}", "link": server.url(f"/a{i}"), "guid": f"s{i}",
             "pubDate": http_date(1_700_000_000 + 3600 * i), "description": f"feed text {i}"}
            for i in range(n)]


def _paged(desk: Desk) -> set[str]:
    out = set()
    for row in desk.articles(limit=100):
        article = desk.article(row.id)
        if article is not None and article.body_source == "page":
            out.add(row.title)
    return out


def test_pages_come_newest_first_over_several_refreshes(server: LocalServer,
                                                        tmp_path: Path) -> None:
    url = server.add("/feed.xml", body=rss(_items(server, 7)), etag='"v1"')
    config = load_config(write_config(tmp_path, [("Wire", url)],
                                      settings="max_pages_per_feed = 3"))
    with Desk.open(config) as desk:
        first = desk.refresh()
        assert _paged(desk) == {"Story 6", "Story 5", "Story 4"}
        assert first.warnings == [{"feed": "Wire", "warning": (
            "4 article pages wait for later refreshes (at most 3 a feed each refresh, newest "
            "first) or for the reader to open them")}]
        assert (desk.feeds()[0].warning or "").startswith("4 article pages wait")
        assert desk.feeds()[0].last_error is None and desk.feeds()[0].failures == 0
        waiting = desk.article(desk.articles("title:\"Story 3\"")[0].id)
        assert waiting is not None and waiting.body == "feed text 3" and not waiting.extract_error

        second = desk.refresh()  # the feed answers 304: its waiting pages still come
        assert second.not_modified == 1
        assert _paged(desk) >= {"Story 3", "Story 2", "Story 1"}
        assert "1 article page waits" in second.warnings[0]["warning"]
        third = desk.refresh()
        assert len(_paged(desk)) == 7 and third.warnings == [] and desk.feeds()[0].warning is None
    assert sum(1 for s in server.seen if s.path.startswith("/a")) == 7  # each page once


def test_the_reader_fetches_a_waiting_page_when_opened(server: LocalServer,
                                                       tmp_path: Path) -> None:
    url = server.add("/feed.xml", body=rss(_items(server, 4)))
    config = load_config(write_config(tmp_path, [("Wire", url)],
                                      settings="max_pages_per_feed = 1"))
    with Desk.open(config) as desk:
        desk.refresh()
        oldest = desk.articles("title:\"Story 0\"")[0].id
        assert desk.article(oldest).body == "feed text 0"  # type: ignore[union-attr]
        assert desk.fetch_page(oldest).got
        article = desk.article(oldest)
        assert article is not None and article.body_source == "page" and "itself" in article.body
        assert not desk.fetch_page(oldest)  # done: nothing due any more
        newest = desk.articles("title:\"Story 3\"")[0].id
        assert not desk.fetch_page(newest)  # fetched by the refresh


def test_no_extract_leaves_no_pages_waiting(server: LocalServer, tmp_path: Path) -> None:
    url = server.add("/feed.xml", body=rss(_items(server, 3)))
    config = load_config(write_config(tmp_path, [("Wire", url)]))
    with Desk.open(config) as desk:
        summary = desk.refresh(extract=False)
        assert summary.warnings == [] and desk.feeds()[0].warning is None


def _shared(server: LocalServer, guids: bool) -> str:
    home = server.add("/home", body=PAGE, headers={"Content-Type": "text/html"})
    items = [{"title": f"Bulletin {i}", "link": home, "description": f"bulletin text {i}",
              "pubDate": http_date(1_700_000_000 + 60 * i)} for i in range(5)]
    if guids:
        for i, item in enumerate(items):
            item["guid"] = f"b{i}"
    items.append({"title": "Bulletin 0", "link": home, "description": "bulletin text 0",
                  "pubDate": http_date(1_700_000_000)})  # a true repeat: same link, same title
    return server.add("/shared.xml", body=rss(items))


def test_items_sharing_one_link_stay_distinct(server: LocalServer, tmp_path: Path) -> None:
    for guids in (False, True):
        folder = tmp_path / str(guids)
        folder.mkdir()
        server.seen.clear()
        url = _shared(server, guids)
        config = load_config(write_config(folder, [("Bulletins", url)]))
        with Desk.open(config) as desk:
            summary = desk.refresh()
            rows = desk.articles(limit=50)
            assert len(rows) == 5 + guids, (guids, [r.title for r in rows])
            assert summary.new_articles == len(rows)
            for row in rows:
                article = desk.article(row.id)
                assert article is not None and article.body.startswith("bulletin text")
                assert "other items too" in (article.extract_error or "")
            desk.refresh()  # the same document again: nothing new, nothing merged
            assert len(desk.articles(limit=50)) == len(rows)
        assert not any(s.path == "/home" for s in server.seen)  # the shared page is none's


def test_show_prints_a_waiting_page_in_full(server: LocalServer, tmp_path: Path) -> None:
    """`newsdesk show` is the CLI's reader: a page the budget deferred is fetched, not
    printed as the feed's one-line summary."""
    from tests.test_cli import newsdesk

    url = server.add("/feed.xml", body=rss(_items(server, 3)))
    config = write_config(tmp_path, [("Wire", url)], settings="max_pages_per_feed = 1")
    assert newsdesk("--config", str(config), "fetch").returncode == 0
    with Desk.open(load_config(config)) as desk:
        oldest = desk.articles("title:\"Story 0\"")[0].id
    shown = newsdesk("--config", str(config), "show", str(oldest))
    assert shown.returncode == 0, shown.stderr
    assert "The article page itself" in shown.stdout and "feed text 0" not in shown.stdout
