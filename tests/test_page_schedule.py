"""A failed page is tried again on its schedule (at the next fetch, then after 1 h, 6 h, 24 h)
whoever asks: `show` tried it on every call, blocking up to 70 s and counting each call, so
a page briefly down was given up after a minute of `show`s. Now `show` prints at once and
says when the next try is, or tries once for at most 10 s when one is due; the reader's one
try out of turn counts only if it gets the text; and a page fetched now holds no lock while
it downloads, so a cron fetch is not refused meanwhile."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_app_support import SIZE, main, make_app, settle, status, until
from tests.test_cli_probes import newsdesk
from tests.test_page_budget import _items
from tui.core.config.loader import Config, load_config
from tui.core.desk import Desk
from tui.core.refresh.lock import refresh_lock


def _failing(server: LocalServer, tmp_path: Path, refreshes: int = 1) -> Config:
    """A cache whose oldest article's page answered 503 to `refreshes` fetches."""
    server.add("/feed.xml", body=rss(_items(server, 2)))
    server.add("/a0", status=503, body=b"busy")
    path = write_config(tmp_path, [("Wire", server.url("/feed.xml"))])
    path.write_text(path.read_text().replace("read_timeout = 2", "read_timeout = 20"))
    config = load_config(path)
    with Desk.open(config) as desk:
        for _ in range(refreshes):
            desk.refresh()
    return config


def _tries(config: Config) -> tuple[int, int]:
    """(page_tries, page_due) of Story 0, read as another process would."""
    db = config.settings.cache_dir / "newsdesk.sqlite3"
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        row = conn.execute("SELECT page_tries, page_due FROM articles WHERE title = 'Story 0'"
                           ).fetchone()
    return int(row[0]), int(row[1])


def _hold_over(config: Config) -> None:
    """As if the quarter hour a timed-out `show` holds the page off had passed."""
    db = config.settings.cache_dir / "newsdesk.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE articles SET page_retry_at = NULL WHERE title = 'Story 0'")


def _asked(server: LocalServer) -> int:
    return sum(seen.path == "/a0" for seen in server.seen)


def _show(config: Config) -> tuple[float, str, str]:
    begin = time.monotonic()
    shown = newsdesk("--config", str(config.path), "show", "1")
    assert shown.returncode == 0 and "Traceback" not in shown.stderr, shown.stderr
    return time.monotonic() - begin, shown.stdout, shown.stderr


def test_show_follows_the_schedule(server: LocalServer, tmp_path: Path) -> None:
    config = _failing(server, tmp_path)
    assert _tries(config) == (1, 1)  # due again at the next fetch
    server.add("/a0", body=b"late", delay=30)  # a server that never answers in time
    took, out, err = _show(config)
    assert "feed text 0" in out and took < 20
    assert "fetching the article's page (at most 10 s" in err
    assert "did not come within 10 s; not counted as a try; asked again from " in err
    assert _tries(config) == (1, 1)
    asked = _asked(server)
    for _ in range(2):  # held off: each show answers at once and says when it asks again
        took, out, err = _show(config)
        assert "feed text 0" in out and "fetching" not in err and took < 8
        assert "the article's page is not fetched yet (1 failed try); the next try is due " \
               "at " in err
    assert _asked(server) == asked and _tries(config) == (1, 1)
    _hold_over(config)

    server.add("/a0", status=503, body=b"busy")
    _took, out, err = _show(config)  # the try that was due: it counts
    assert "the page could not be fetched: the server answered 503" in err
    assert _tries(config) == (2, 1) and _asked(server) == 3
    for _ in range(4):  # the next try is an hour away: printed at once, nothing asked
        took, out, err = _show(config)
        assert "feed text 0" in out and "fetching" not in err
        assert "the article's page is not fetched yet (2 failed tries); the next try is due " \
               "at " in err
    assert _tries(config) == (2, 1) and _asked(server) == 3  # not given up


def test_a_page_downloading_holds_no_lock(server: LocalServer, tmp_path: Path) -> None:
    """The reader's page on a silent server: a cron fetch may take the cache meanwhile."""
    config = _failing(server, tmp_path)
    server.add("/a0", body=b"late", delay=30)
    desk = Desk.open(config)
    try:
        work = threading.Thread(target=lambda: desk.fetch_page(1))
        work.start()
        deadline = time.monotonic() + 20
        while _asked(server) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _asked(server) == 2  # downloading now
        with refresh_lock(config.settings.cache_dir):  # as `newsdesk fetch` takes it
            pass
        desk.stop()
        work.join(10)
        assert not work.is_alive()
    finally:
        desk.close()


async def test_the_readers_try_out_of_turn_is_not_counted(server: LocalServer,
                                                          tmp_path: Path) -> None:
    config = await asyncio.to_thread(_failing, server, tmp_path, 2)
    assert _tries(config) == (2, 1)  # the next try an hour away
    with Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("G", "enter")  # the oldest: Story 0
            await until(pilot, lambda: "could not be fetched" in status(app), 30)
            assert "the page could not be fetched: the server answered 503" in status(app)
            assert main(app).reader.article.title == "Story 0" and _asked(server) == 3
    assert _tries(config) == (2, 1)
