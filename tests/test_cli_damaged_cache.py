"""A damaged cache: `list` says which file was moved where and how to recover, and exits 1
(it did not list the cache it was asked about); the next `list` runs on the new cache; `fetch`
fills the new one and exits 0, saying it too."""

from __future__ import annotations

import os
from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_cli import newsdesk


def _damaged(server: LocalServer, tmp_path: Path) -> tuple[str, Path]:
    url = server.add("/feed.xml", body=rss([{"title": "Convoy reaches Odesa", "guid": "g1",
                                             "description": "Ships left the port."}]))
    config = str(write_config(tmp_path, [("Wire", url)]))
    assert newsdesk("--config", config, "fetch", "--no-extract").returncode == 0
    (cache,) = tmp_path.rglob("newsdesk.sqlite3")
    cache.write_bytes(cache.read_bytes()[:100] + os.urandom(64 * 1024))
    for extra in ("-wal", "-shm"):
        Path(f"{cache}{extra}").unlink(missing_ok=True)
    return config, cache


def test_list_on_a_damaged_cache_says_so_and_fails(server: LocalServer, tmp_path: Path) -> None:
    config, cache = _damaged(server, tmp_path)
    listed = newsdesk("--config", config, "list")
    (moved,) = cache.parent.glob("newsdesk.sqlite3.broken-*")
    assert listed.returncode == 1 and listed.stdout == ""
    assert str(cache) in listed.stderr and str(moved) in listed.stderr
    assert "newsdesk fetch" in listed.stderr and ".recover" in listed.stderr
    assert "did not run" in listed.stderr
    again = newsdesk("--config", config, "list")  # the new cache: an ordinary empty one
    assert again.returncode == 0 and "broken" not in again.stderr


def test_fetch_on_a_damaged_cache_fills_a_new_one(server: LocalServer, tmp_path: Path) -> None:
    config, _ = _damaged(server, tmp_path)
    fetched = newsdesk("--config", config, "fetch", "--no-extract")
    assert fetched.returncode == 0 and "moved to" in fetched.stderr
    listed = newsdesk("--config", config, "list")
    assert listed.returncode == 0 and "Convoy reaches Odesa" in listed.stdout


async def test_the_reader_says_it_in_a_toast(tmp_path: Path) -> None:
    from tests.test_app_support import make_app, settle
    from tui.core.config.loader import load_config
    from tui.core.desk import Desk

    config = load_config(write_config(tmp_path, [("Wire", "http://127.0.0.1:9/feed.xml")]))
    with Desk.open(config) as desk:
        cache = desk.db_path
    cache.write_bytes(cache.read_bytes()[:100] + os.urandom(64 * 1024))
    for extra in ("-wal", "-shm"):
        Path(f"{cache}{extra}").unlink(missing_ok=True)
    with Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            toasts = [f"{n.title}: {n.message}"
                      for n in app._notifications]  # type: ignore[attr-defined]
            assert any("damaged" in t and ".recover" in t for t in toasts), toasts
