"""`fetch --quiet` under cron while another fetch holds the cache (the reader's R or its
auto-refresh, the last cron run still going): exit 75 and nothing on stderr, since cron
mails whatever a job prints and the next run fetches anyway; the README promised -q speaks
only of a feed that starts failing or of no feed read. A fetch that has held the cache for
over an hour is news (stuck on something): -q says that one."""

from __future__ import annotations

import os
import time
from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_cli_probes import newsdesk, one_line
from tui.core.refresh.lock import LOCK_NAME, refresh_lock


def _config(server: LocalServer, tmp_path: Path) -> tuple[str, Path]:
    url = server.add("/a.xml", body=rss([{"title": "Item", "guid": "g1"}]),
                     headers={"Content-Type": "application/xml"})
    config = write_config(tmp_path, [{"name": "A", "url": url, "extract": False}])
    assert newsdesk("--config", str(config), "fetch").returncode == 0
    return str(config), tmp_path / "cache"


def test_quiet_says_nothing_of_a_fetch_running_now(server: LocalServer,
                                                   tmp_path: Path) -> None:
    config, cache = _config(server, tmp_path)
    with refresh_lock(cache):  # as the reader's R holds it
        quiet = newsdesk("--config", config, "fetch", "-q")
        loud = newsdesk("--config", config, "fetch")
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (75, "", "")
    one_line(loud, 75, f"another fetch is running on this cache (pid {os.getpid()})")


def test_quiet_says_a_fetch_holding_the_cache_for_hours(server: LocalServer,
                                                        tmp_path: Path) -> None:
    config, cache = _config(server, tmp_path)
    with refresh_lock(cache):
        hours_ago = time.time() - 3 * 3600
        os.utime(cache / LOCK_NAME, (hours_ago, hours_ago))  # taken 3 h ago
        quiet = newsdesk("--config", config, "fetch", "-q")
    one_line(quiet, 75, f"another fetch is running on this cache (pid {os.getpid()}",
             "for 3 h")
    assert quiet.stdout == ""
