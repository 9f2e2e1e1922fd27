"""`o` in a real terminal: a console browser gets the screen (the app suspended, then drawn
again), a graphical one starts in the background, and with none the status line says so.

The browsers are small shell scripts written here; they record the link they were given.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from tests.httpserver import LocalServer
from tests.recent_site import serve
from tests.test_tmux_first_use import user_env
from tests.test_tmux_smoke import Tmux
from tui.core.config.loader import load_config
from tui.core.desk import Desk

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

NEWEST = "Sergei Shoigu meets officials in Tehran (0)"


def cache_with(tmp_path: Path, browser: str | None) -> tuple[Path, str]:
    """A fetched cache whose feeds.toml sets `browser` (or not); returns it and the newest link."""
    with LocalServer() as server:
        config_path, _ = serve(server, tmp_path / "site", feeds=1)
        with Desk.open(load_config(config_path)) as desk:
            desk.refresh(extract=False)
            url = desk.articles("", limit=1)[0].url
    if browser is not None:
        text = config_path.read_text(encoding="utf-8")
        config_path.write_text(text.replace("[settings]\n", f"[settings]\nbrowser = {browser!r}\n",
                                            1), encoding="utf-8")
    assert url
    return config_path, url


def fake_browser(folder: Path, name: str, waits: bool) -> tuple[Path, Path]:
    """A script that prints and records its link; a console one waits for Enter."""
    record = folder / f"{name}.opened"
    script = folder / name
    script.write_text("#!/bin/sh\n"
                      'printf "FAKE-BROWSER %s\\n" "$*"\n'
                      f'printf "%s\\n" "$@" >> {record}\n'
                      + ("read answer\n" if waits else ""), encoding="utf-8")
    script.chmod(0o755)
    return script, record


def test_console_browser_runs_with_the_app_suspended(tmp_path: Path, term: Tmux) -> None:
    script, record = fake_browser(tmp_path, "lynx", waits=True)
    config_path, url = cache_with(tmp_path, f"{script} %u")
    term.start(f"{user_env(tmp_path / 'home')} {sys.executable} -m tui --config {config_path}",
               cwd=tmp_path)
    term.wait_for(lambda s: NEWEST in s)
    term.keys("o")
    screen = term.wait_for(lambda s: "FAKE-BROWSER" in s)
    assert f"FAKE-BROWSER {url}" in screen
    assert NEWEST not in screen  # the browser has the terminal to itself
    term.keys("Enter")  # leave the browser
    screen = term.wait_for(lambda s: "back from the browser" in s)
    assert NEWEST in screen and "FAKE-BROWSER" not in screen  # drawn again, whole
    assert "R Refresh" in screen
    assert record.read_text(encoding="utf-8").split() == [url]
    term.keys("j")  # and it still answers keys
    term.wait_for(lambda s: "2/5" in s)


def test_graphical_browser_starts_in_the_background(tmp_path: Path, term: Tmux) -> None:
    script, record = fake_browser(tmp_path, "firefox", waits=False)
    config_path, url = cache_with(tmp_path, f"{script} --new-tab %u")
    term.start(f"{user_env(tmp_path / 'home')} DISPLAY=:99 {sys.executable} -m tui "
               f"--config {config_path}", cwd=tmp_path)
    term.wait_for(lambda s: NEWEST in s)
    term.keys("o")
    screen = term.wait_for(lambda s: "opening in the browser" in s)
    assert "FAKE-BROWSER" not in screen  # its output never reaches the app's screen
    deadline_screen = term.wait_for(lambda s: record.exists() and NEWEST in s)
    assert NEWEST in deadline_screen
    assert record.read_text(encoding="utf-8").split() == ["--new-tab", url]


def test_no_browser_at_all_says_so_and_offers_y(tmp_path: Path, term: Tmux) -> None:
    config_path, _ = cache_with(tmp_path, None)
    empty_path = tmp_path / "empty-bin"
    empty_path.mkdir()
    term.start(f"{user_env(tmp_path / 'home')} PATH={empty_path} {sys.executable} -m tui "
               f"--config {config_path}", cwd=tmp_path)
    term.wait_for(lambda s: NEWEST in s)
    term.keys("o")
    # the status line first, the notice a moment later
    screen = term.wait_for(lambda s: "no browser found" in s and "feeds.toml" in s)
    assert "no browser found (y copies the link)" in screen
    assert "set browser" in screen and '"lynx %u"' in screen and "feeds.toml" in screen, screen
    term.keys("y")
    term.wait_for(lambda s: "link sent to the terminal's clipboard" in s)


def test_missing_browser_program_is_named_and_the_reader_stays(tmp_path: Path,
                                                                term: Tmux) -> None:
    """A `browser` setting naming a program that is not installed: the app is never
    suspended (it once stayed blank, in cooked mode, until Ctrl-C)."""
    config_path, _ = cache_with(tmp_path, "w3m %u")
    empty_path = tmp_path / "empty-bin"
    empty_path.mkdir()
    term.start(f"{user_env(tmp_path / 'home')} PATH={empty_path} {sys.executable} -m tui "
               f"--config {config_path}", cwd=tmp_path)
    term.wait_for(lambda s: NEWEST in s)
    term.keys("o")
    screen = term.wait_for(lambda s: "browser 'w3m' not found" in s, timeout=20)
    assert NEWEST in screen and "R Refresh" in screen
    term.keys("j")  # the app still answers keys
    term.wait_for(lambda s: "2/5" in s)


def test_o_with_marks_hands_the_terminal_to_the_browser_for_each_link(tmp_path: Path,
                                                                     term: Tmux) -> None:
    """Two marked articles and a console browser: `o` runs it for one link, then, once it
    is left, for the next (in list order), then the reader is back."""
    script, record = fake_browser(tmp_path, "lynx", waits=True)
    config_path, url = cache_with(tmp_path, f"{script} %u")
    term.start(f"{user_env(tmp_path / 'home')} {sys.executable} -m tui --config {config_path}",
               cwd=tmp_path)
    term.wait_for(lambda s: NEWEST in s)
    term.keys("m", "m")
    term.wait_for(lambda s: "2 marked" in s)
    term.keys("o")
    term.wait_for(lambda s: f"FAKE-BROWSER {url}" in s)
    term.keys("Enter")  # leave it: the second link comes
    term.wait_for(lambda s: s.count("FAKE-BROWSER") == 2)  # under the first one's output
    term.keys("Enter")
    screen = term.wait_for(lambda s: "opened 2 links of the 2 marked articles" in s)
    assert NEWEST in screen
    opened = record.read_text(encoding="utf-8").split()
    assert len(opened) == 2 and opened[0] == url


def test_a_BROWSER_not_installed_is_named(tmp_path: Path, term: Tmux) -> None:
    """$BROWSER naming a program that is not there: passed over, and now said so."""
    config_path, _ = cache_with(tmp_path, None)
    empty_path = tmp_path / "empty-bin"
    empty_path.mkdir()
    term.start(f"{user_env(tmp_path / 'home')} BROWSER=firefxo PATH={empty_path} "
               f"{sys.executable} -m tui --config {config_path}", cwd=tmp_path)
    term.wait_for(lambda s: NEWEST in s)
    term.keys("o")
    screen = term.wait_for(lambda s: "no browser found" in s)
    assert "no browser found ($BROWSER's 'firefxo' not installed; y copies the link)" in screen
