"""One fetch at a time per cache: a second one while the first runs fetches nothing, says
who has the cache and exits 75 (EX_TEMPFAIL); a killed fetch leaves no lock behind; the
reader's R while a cron fetch runs says so too."""

from __future__ import annotations

import os
import signal
from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.slow_fetch import fetch_at_its_pages, pages_answer
from tests.test_app_support import SIZE, make_app, settle, status, until
from tests.test_cli_probes import newsdesk, one_line
from tests.test_page_budget import _items
from tui.core.config.loader import load_config
from tui.core.desk import Desk
from tui.core.refresh.lock import refresh_lock


def _pages_asked(server: LocalServer) -> int:
    return sum(seen.path.startswith("/a") for seen in server.seen)


def test_a_second_fetch_while_one_runs_fetches_nothing(server: LocalServer,
                                                       tmp_path: Path) -> None:
    first, config = fetch_at_its_pages(server, tmp_path, delay=3)  # at its slow pages
    second = newsdesk("--config", config, "fetch")
    one_line(second, 75, f"another fetch is running on this cache (pid {first.pid}); this "
             "one fetched nothing (exit 75)")
    assert second.stdout == "" and _pages_asked(server) <= 4  # the first's only
    first.send_signal(signal.SIGKILL)  # the kernel lets go of its lock
    first.wait(10)
    pages_answer(server)
    third = newsdesk("--config", config, "fetch")
    assert third.returncode == 0, third.stderr


async def test_the_readers_refresh_says_a_fetch_is_running(server: LocalServer,
                                                           tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path, [("Wire", server.add(
        "/feed.xml", body=rss(_items(server, 1))))]))
    with Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            with refresh_lock(config.settings.cache_dir):  # as a cron fetch holds it
                await pilot.press("R")
                await until(pilot, lambda: "not refreshed" in status(app), 30)
            assert (f"not refreshed: another fetch is running on this cache (pid {os.getpid()})"
                    in status(app))
            assert not any(seen.path == "/feed.xml" for seen in server.seen)
            await pilot.press("R")  # once it is done, R refreshes
            await until(pilot, lambda: "refreshed all feeds" in status(app), 30)
