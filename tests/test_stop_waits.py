"""Quitting while a request waits on a server that never answers or drips a byte at a time:
the desk's stop cancels the request at once (it waited up to connect + 3 x read timeout, 70 s
by default, on a blank screen). What was stored stays; what was not is fetched next time."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_page_budget import PAGE, _items
from tui.core.config.loader import Config, load_config
from tui.core.desk import Desk
from tui.core.refresh.events import FeedFinished

LONG = 'read_timeout = 2'  # write_config's: made long here, as a user's 20 s is


def _config(tmp_path: Path, feeds: list[tuple[str, str]], settings: str = "") -> Config:
    path = write_config(tmp_path, feeds, settings=settings)
    path.write_text(path.read_text().replace(LONG, "read_timeout = 30"))
    return load_config(path)


def _stopped_within(desk: Desk, work: threading.Thread, started: threading.Event) -> float:
    """Seconds from `desk.stop()` (once `started`) until `work` ended."""
    work.start()
    assert started.wait(20)
    time.sleep(0.3)  # the request is under way
    begin = time.monotonic()
    desk.stop()
    work.join(30)
    assert not work.is_alive()
    return time.monotonic() - begin


def test_stop_ends_a_refresh_waiting_for_a_silent_feed(server: LocalServer,
                                                       tmp_path: Path) -> None:
    slow = server.add("/slow.xml", body=rss(_items(server, 2)), delay=20)
    quick = server.add("/quick.xml", body=rss([{"title": "Quick item", "guid": "q1",
                                                "description": "stored before the stop"}]))
    config = _config(tmp_path, [("Quick", quick), ("Slow", slow)], settings="extract = false")
    desk = Desk.open(config)
    outcome: list[object] = []
    try:
        quick_done = threading.Event()
        work = threading.Thread(target=lambda: outcome.append(desk.refresh(
            on_event=lambda e: quick_done.set() if isinstance(e, FeedFinished) else None)))
        asked = _asked(server, "/slow.xml", also=quick_done)
        assert _stopped_within(desk, work, asked) < 2
        assert outcome, "the refresh raised instead of returning what it stored"
        assert [r.title for r in desk.articles()] == ["Quick item"]
    finally:
        desk.close()
    server.add("/slow.xml", body=rss(_items(server, 2)))  # answers now: the next run gets it
    with Desk.open(config) as again:
        summary = again.refresh()
        assert summary.new_articles == 2 and summary.feeds_failed == 0


def test_stop_ends_a_page_fetch_on_a_dripping_server(server: LocalServer,
                                                     tmp_path: Path) -> None:
    """The reader's page, from a server sending a byte now and then: the page stays due."""
    server.add("/feed.xml", body=rss(_items(server, 2)))
    config = _config(tmp_path, [("Wire", server.url("/feed.xml"))],
                     settings="max_pages_per_feed = 1")
    with Desk.open(config) as desk:
        desk.refresh()  # the newest page only: Story 0's waits
    server.add("/a0", body=PAGE * 50, headers={"Content-Type": "text/html"}, byte_delay=1.0)
    desk = Desk.open(config)
    try:
        oldest = next(r.id for r in desk.articles() if r.title == "Story 0")
        work = threading.Thread(target=lambda: desk.fetch_page(oldest))
        assert _stopped_within(desk, work, _asked(server, "/a0")) < 2
        article = desk.article(oldest)
        assert article is not None and article.page_due and article.body_source != "page"
        assert article.extract_error is None  # not counted as a failed try
    finally:
        desk.close()


def _asked(server: LocalServer, path: str, also: threading.Event | None = None
           ) -> threading.Event:
    """Set once the server was asked for `path` (and `also` is set)."""
    asked = threading.Event()
    before = sum(s.path == path for s in server.seen)

    def watch() -> None:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and sum(s.path == path for s in server.seen) == before:
            time.sleep(0.02)
        if also is not None:
            also.wait(20)
        asked.set()

    threading.Thread(target=watch, daemon=True).start()
    return asked
