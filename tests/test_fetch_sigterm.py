"""SIGTERM during a fetch (`timeout 60 newsdesk fetch` in a crontab) ends it as Ctrl-C does:
one line saying what is kept, exit 143 (128 + 15), no process left behind, and the next fetch
gets the rest."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.slow_fetch import fetch_at_its_pages, pages_answer
from tests.test_cli_probes import newsdesk
from tests.test_page_budget import _items


def _alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True


def test_sigterm_says_what_is_kept_and_exits_143(server: LocalServer, tmp_path: Path) -> None:
    fetch, config = fetch_at_its_pages(  # still at its slow pages when the signal comes
        server, tmp_path, delay=2, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True)
    fetch.send_signal(signal.SIGTERM)
    out, err = fetch.communicate(timeout=60)
    assert fetch.returncode == 143, err
    assert err == ("interrupted: what was fetched is stored; the next fetch gets the rest "
                   "(feeds, pages, actors and links)\n")
    assert out == ""
    deadline = time.monotonic() + 5
    while _alive(fetch.pid) and time.monotonic() < deadline:  # its workers too
        time.sleep(0.1)
    assert not _alive(fetch.pid)
    pages_answer(server)
    again = newsdesk("--config", config, "fetch")
    assert again.returncode == 0 and "4 pages extracted" in again.stdout


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def test_sigterm_to_a_fetch_started_in_the_background(server: LocalServer,
                                                      tmp_path: Path) -> None:
    """A shell starts `newsdesk fetch &` with SIGINT ignored; `kill PID` (the pid the
    exit-75 message names) must still end it at once, not after the slow feed answers."""
    url = server.add("/feed.xml", body=rss(_items(server, 1)), delay=20)
    config = str(write_config(tmp_path, [("Slow", url)]))
    fetch = subprocess.Popen([sys.executable, "-m", "tui", "--config", config, "fetch"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             start_new_session=True, preexec_fn=_ignore_sigint)
    deadline = time.monotonic() + 30
    while not server.seen and time.monotonic() < deadline:  # the fetch waits for the feed
        time.sleep(0.05)
    time.sleep(0.5)
    started = time.monotonic()
    fetch.send_signal(signal.SIGTERM)
    out, err = fetch.communicate(timeout=30)
    assert time.monotonic() - started < 10, "the fetch ran on to the end"
    assert fetch.returncode == 143, (out, err)
    assert err.startswith("interrupted: "), err
    deadline = time.monotonic() + 5
    while _alive(fetch.pid) and time.monotonic() < deadline:  # no worker left behind
        time.sleep(0.1)
    assert not _alive(fetch.pid)
