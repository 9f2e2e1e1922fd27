"""A new user's own feeds in a real terminal: an Arabic feed in windows-1256 that says utf-8
is read right and said so by `newsdesk fetch`, and a correction the feed makes later shows in
the reader after `R`, counted on the status line."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_corrections import NEW, OLD
from tests.test_tmux_first_use import user_env
from tests.test_tmux_smoke import Tmux
from tui.core.config.loader import load_config
from tui.core.desk import Desk

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

ARABIC = "نبيه بري يستقبل وفدا ايرانيا في بيروت"


def _arabic_feed() -> bytes:
    item = {"title": ARABIC, "guid": "ar1", "pubDate": "Fri, 04 Dec 2026 07:00:00 GMT",
            "description": "قال رئيس مجلس النواب إن لبنان يرحب بالوفد."}
    return rss([item], title="الأخبار").decode().encode("cp1256")  # says utf-8: it is not


def test_mislabelled_arabic_and_a_correction(tmp_path: Path) -> None:
    with LocalServer() as server:
        arabic = server.add("/ar.xml", body=_arabic_feed(), headers={"Content-Type": "text/xml"})
        good = server.add("/good.xml", body=rss([OLD]),
                          headers={"Content-Type": "application/rss+xml"})
        config = write_config(tmp_path, [{"name": "Arabic", "url": arabic, "extract": False},
                                         {"name": "Good", "url": good, "extract": False}])
        term = Tmux()
        try:
            prefix = f"{user_env(tmp_path / 'home')} {sys.executable} -m tui --config {config}"
            term.start(f"sh -c '{prefix} fetch; echo FETCHED; sleep 600'", cwd=tmp_path)
            screen = term.wait_for(lambda s: "FETCHED" in s, timeout=120)
            assert "Arabic: warning: sent in windows-1256 although it says utf-8" in screen
            term.kill()

            server.add("/good.xml", body=rss([NEW]),
                       headers={"Content-Type": "application/rss+xml"})
            term = Tmux()
            term.start(prefix, cwd=tmp_path)
            term.wait_for(lambda s: OLD["title"] in s)
            term.keys("R")
            screen = term.wait_for(lambda s: "1 updated" in s and NEW["title"] in s)
            assert OLD["title"] not in screen
            term.keys("q", "q", "q")
        finally:
            term.kill()
    with Desk.open(load_config(config)) as desk:
        assert {r.title for r in desk.articles()} == {ARABIC, NEW["title"]}
