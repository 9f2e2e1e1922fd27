"""The feed list is synced with the cache (rows made, renames applied) once per refresh: by the
refresh itself for `fetch`, `demo` and the reader's R/r (which read feeds.toml again first),
by `Desk.open` for every other command and for the reader as it opens."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import pytest

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_app_support import SIZE, make_app, status, until
from tui.cli import main as cli
from tui.core.config.loader import load_config
from tui.core.desk import Desk
from tui.core.store import feeds as feed_store


@pytest.fixture
def syncs(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The feed names of every sync_feeds call (the real one runs)."""
    calls: list[list[str]] = []
    real = feed_store.sync_feeds

    def counted(conn: object, feeds: Iterable[tuple[str, str]]) -> dict[str, object]:
        pairs = list(feeds)
        calls.append([name for name, _url in pairs])
        return real(conn, pairs)  # type: ignore[arg-type, return-value]

    monkeypatch.setattr(feed_store, "sync_feeds", counted)
    return calls


def _feed(server: LocalServer, name: str, day: int) -> str:
    items = [{"title": f"{name} item {i}", "link": f"http://127.0.0.1/{name}/{i}",
              "guid": f"{name}-{i}", "pubDate": f"{day:02} Jun 2025 10:0{i}:00 GMT",
              "description": "text"} for i in range(2)]
    return server.add(f"/{name}.xml", body=rss(items, name))


def _config(server: LocalServer, tmp_path: Path) -> Path:
    return write_config(tmp_path, [("Alpha", _feed(server, "alpha", 3)),  # listed first
                                   ("Beta", _feed(server, "beta", 2))], settings="extract = false")


def test_fetch_syncs_once_and_every_feed(server: LocalServer, tmp_path: Path,
                                         syncs: list[list[str]],
                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = _config(server, tmp_path)
    assert cli(["--config", str(path), "fetch", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["new_articles"] == 4
    assert syncs == [["Alpha", "Beta"]]

    path.write_text(path.read_text().replace('name = "Beta"', 'name = "Beta Wire"'))
    syncs.clear()
    assert cli(["--config", str(path), "fetch", "alpha"]) == 0
    assert syncs == [["Alpha", "Beta Wire"]]  # the feed not fetched is renamed all the same
    capsys.readouterr()
    syncs.clear()
    assert cli(["--config", str(path), "list", "feed:wire", "--json"]) == 0
    assert syncs == [["Alpha", "Beta Wire"]]  # another command: by Desk.open
    listed = [json.loads(line)["feed"] for line in capsys.readouterr().out.splitlines()]
    assert listed == ["Beta Wire", "Beta Wire"]


async def test_the_readers_refresh_syncs_once(server: LocalServer, tmp_path: Path,
                                              syncs: list[list[str]]) -> None:
    path = _config(server, tmp_path)
    config = load_config(path)
    with Desk.open(config) as desk:
        assert len(syncs) == 1  # the reader opens with the feeds synced
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("R")
            await until(pilot, lambda: "refreshed all feeds: 4 new" in status(app), 30)
            assert len(syncs) == 2
            path.write_text(path.read_text().replace('name = "Beta"', 'name = "Beta Wire"'))
            await pilot.press("r")  # the selected article's feed: Alpha
            await until(pilot, lambda: "refreshed " in status(app)
                        and "refreshed all" not in status(app), 30)
            assert "refreshed Alpha" in status(app)
            # feeds.toml as it is now: the rename is synced as soon as the file is read
            # again (the poll's or r's reading), and the refresh's own sync finds it done
            assert syncs[2:] == [["Alpha", "Beta Wire"]] * 2
            assert desk.count('feed:"Beta Wire"') == 2
