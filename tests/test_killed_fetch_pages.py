"""Pages a killed fetch left are not blamed on the page budget: `feeds` says the last
refresh stopped before it got to them (a feed of 4 items is far under the budget of 100)."""

from __future__ import annotations

import signal
from pathlib import Path

from tests.httpserver import LocalServer
from tests.slow_fetch import fetch_at_its_pages
from tests.test_cli_probes import newsdesk


def test_pages_left_by_a_killed_fetch_wait_for_the_next_one(server: LocalServer,
                                                            tmp_path: Path) -> None:
    fetch, config = fetch_at_its_pages(server, tmp_path, delay=1.5)  # killed while it waits
    fetch.send_signal(signal.SIGKILL)
    fetch.wait(10)
    feeds = newsdesk("--config", config, "feeds").stdout
    assert "4 article pages wait for the next refresh (the last one stopped before it got " \
           "to them) or for the reader to open them" in feeds, feeds
    assert "at most 100 a feed" not in feeds
