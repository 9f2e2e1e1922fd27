"""An upgrade that works through every cached article (0014 indexes search again) is said
before the pause, not left to look like a hang: one line on stderr from any command (the
reader's included, before it draws), and in the reader's status line once it is open. A
fresh cache, or one already upgraded, says nothing. Real processes and Pilot."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write_config
from tests.test_app_support import SIZE, make_app, settle, status
from tests.test_arabic_search import insert
from tests.test_cli_probes import newsdesk
from tests.test_search_fold import ARTICLES
from tui.core.config.loader import load_config
from tui.core.desk import Desk
from tui.core.store.db import connect

SAID = ("newsdesk: upgrading the cache: the search index is made again and the article table "
        "is rebuilt so that ids are never reused and the links' features are moved to a table of "
        "their own and hidden characters are taken out of the stored articles, for the 6 cached "
        "articles (once; a big cache "
        "takes a while)\n")


def _cache_from_before_0014(tmp_path: Path) -> Path:
    config = write_config(tmp_path, [("Wire", "http://127.0.0.1:9/feed.xml")])
    old = connect(tmp_path / "cache" / "newsdesk.sqlite3", migrate_to=13)
    insert(old, ARTICLES)
    old.close()
    return config


def test_a_command_says_the_upgrade_before_it_starts_and_only_once(tmp_path: Path) -> None:
    config = str(_cache_from_before_0014(tmp_path))
    first = newsdesk("--config", config, "list", "партнерстве")
    assert (first.returncode, first.stderr) == (0, SAID)
    assert first.stdout.split()[0] == "1"  # found as the new index folds ё
    again = newsdesk("--config", config, "list", "партнерстве")
    assert (again.returncode, again.stderr) == (0, "")
    (tmp_path / "fresh").mkdir()
    fresh = write_config(tmp_path / "fresh", [("Wire", "http://127.0.0.1:9/feed.xml")])
    assert newsdesk("--config", str(fresh), "feeds").stderr == ""  # nothing to work through


async def test_the_reader_says_what_the_upgrade_did(tmp_path: Path) -> None:
    config = load_config(_cache_from_before_0014(tmp_path))
    heard: list[str] = []
    with Desk.open(config, on_upgrade=heard.append) as desk:
        assert heard == [SAID.removeprefix("newsdesk: upgrading the cache: ").split(" (once")[0]]
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert "cache upgraded in " in status(app)
            assert "s: the search index is made again and the article table" in status(app)
