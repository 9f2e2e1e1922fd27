"""SIGTERM during a fetch (`timeout 60 newsdesk fetch` in a crontab) ends it as Ctrl-C does:
one line saying what is kept, exit 143 (128 + 15), no process left behind, and the next fetch
gets the rest."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

from tests.httpserver import LocalServer
from tests.slow_fetch import fetch_at_its_pages, pages_answer
from tests.test_cli_probes import newsdesk


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
