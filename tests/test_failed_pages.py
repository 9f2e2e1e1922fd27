"""A feed whose article pages failed is read with a warning, not `ok`: `feeds` (and its JSON)
says how many of the pages last fetched for it gave no text, and the reader's refresh line
counts failed pages as `newsdesk fetch` does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_app_support import SIZE, make_app, status, until
from tests.test_refresh import _items
from tui.cli import main as cli
from tui.core.config.loader import load_config
from tui.core.desk import Desk

WARNING = "1 of the article pages last fetched failed (their articles keep the feed's text)"


def _feeds(config: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, object]]:
    capsys.readouterr()
    assert cli(["--config", str(config), "feeds", "--json"]) == 0
    return {f["name"]: f for f in json.loads(capsys.readouterr().out)}


def _fetch(config: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    capsys.readouterr()
    assert cli(["--config", str(config), "fetch", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_feeds_warns_of_the_pages_its_last_fetch_failed(
        server: LocalServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    items = _items(server, "p", 3)
    server.add("/p/1.html", status=404, body=b"gone")
    wire = server.add("/wire.xml", body=rss(items), etag='"v1"')
    calm = server.add("/calm.xml", body=rss(_items(server, "c", 2)), etag='"c1"')
    config = write_config(tmp_path, [("Wire", wire), ("Calm", calm)])
    assert _fetch(config, capsys)["pages_failed"] == 1

    feeds = _feeds(config, capsys)
    assert (feeds["Wire"]["warning"], feeds["Wire"]["pages_failed"]) == (WARNING, 1)
    assert (feeds["Calm"]["warning"], feeds["Calm"]["pages_failed"]) == (None, 0)
    assert feeds["Wire"]["failures"] == 0 and feeds["Wire"]["last_error"] is None  # no failure
    assert cli(["--config", str(config), "feeds"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Wire") and lines[0].endswith(f"  warning: {WARNING}")
    assert lines[1].startswith("Calm") and lines[1].endswith("  ok")

    assert _fetch(config, capsys)["not_modified"] == 2  # no page fetched: the count stands
    assert _feeds(config, capsys)["Wire"]["warning"] == WARNING

    more = _items(server, "q", 1)  # the next fetch's pages all give a text
    server.add("/wire.xml", body=rss(more + items), etag='"v2"')
    assert _fetch(config, capsys)["extracted"] == 1
    assert (_feeds(config, capsys)["Wire"]["warning"], _feeds(config, capsys)["Wire"][
        "pages_failed"]) == (None, 0)


async def test_the_readers_refresh_line_counts_failed_pages(server: LocalServer,
                                                            tmp_path: Path) -> None:
    items = _items(server, "p", 3)
    server.add("/p/0.html", status=404, body=b"gone")
    server.add("/p/2.html", status=500, body=b"broken")
    config = load_config(write_config(tmp_path, [("Wire", server.add("/w.xml", body=rss(items)))]))
    with Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("R")
            await until(pilot, lambda: "refreshed all feeds" in status(app), 30)
            assert "refreshed all feeds: 3 new; 1 with warnings; 2 pages failed (e lists them)" in status(app)
            assert desk.feeds()[0].warning == WARNING.replace("1 of", "2 of") + (
                "; 1 failed article page will be tried again by later refreshes (or when the "
                "reader opens them)")  # the 500, not the 404
