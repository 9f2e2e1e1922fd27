"""A refresh with a feed failing, in a real 80x24 terminal: the status line keeps the key
that lists the feeds (its short form, "(e: feeds)"), where it used to leave the hint out
whole because nothing else in the line could give way (said.py)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.test_app_support import copy_demo
from tests.test_tmux_panes import quit_app, start, status
from tests.test_tmux_smoke import Tmux, pytestmark  # noqa: F401  (skips without tmux)


def test_a_failed_feed_leaves_its_key_on_an_80_column_status_line(
        tmp_path: Path, tmux: Tmux) -> None:
    config = copy_demo(tmp_path / "demo")
    text = config.read_text(encoding="utf-8")
    broken = re.sub(r"/gulf-dispatch/feed\.xml", "/gulf-dispatch/gone.xml", text)
    assert broken != text
    config.write_text(broken, encoding="utf-8")
    start(tmux, tmp_path, config, (80, 24))
    tmux.wait_for(lambda s: "Unread  1/" in status(s))
    tmux.keys("R")
    screen = tmux.wait_for(lambda s: "refreshed all feeds" in status(s), timeout=120)
    line = status(screen).rstrip()
    assert line.startswith(" Unread  1/") and "; 1 failed" in line, line
    assert line.endswith((" (e: feeds)", " (e lists them)")), line  # the key, whole
    tmux.keys("e")
    tmux.wait_for(lambda s: "Feeds (" in s and "Gulf Dispatch" in s)
    tmux.keys("Escape")
    tmux.wait_for(lambda s: "Feeds (" not in s)
    tmux.keys("q")
    quit_app(tmux)


def test_the_readers_hint_beside_a_long_message_is_whole_or_gone(
        tmp_path: Path, tmux: Tmux) -> None:
    """At 80x24, the text read to its end, then saved: the message names the article, and the
    hint at the right says what space does or steps aside; a bare "end" said nothing."""
    config = copy_demo(tmp_path / "demo")
    start(tmux, tmp_path, config, (80, 24))
    tmux.wait_for(lambda s: "Unread  1/" in status(s))
    tmux.keys("Enter", "G")
    tmux.wait_for(lambda s: status(s).rstrip().endswith("end · space: next unread"))
    tmux.keys("s")
    line = status(tmux.wait_for(lambda s: "saved ★ #" in status(s))).rstrip()
    assert line.endswith(("(u undoes)", " space: next unread")), line  # was "…  end"
    tmux.keys("q", "q")
    quit_app(tmux)
