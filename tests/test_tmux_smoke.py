"""End to end in a real terminal: tmux runs `python -m tui --config X` on a demo cache,
keys are sent as a user would type them, the screen is read back with capture-pane, and
the cache is checked through a Desk afterwards."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.test_app_support import copy_demo
from tui.core.config.loader import load_config
from tui.core.desk import Desk

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

ROOT = Path(__file__).resolve().parents[1]


class Tmux:
    """One detached session on a private tmux server socket."""

    def __init__(self) -> None:
        self.socket = f"newsdesk-test-{uuid.uuid4().hex[:8]}"
        self.session = "nd"

    def run(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], check=True,
                              capture_output=True, text=True, timeout=20).stdout

    def start(self, command: str, cwd: Path = ROOT) -> None:
        """pytest exports COLUMNS and LINES, which Textual obeys over the terminal's size: the
        session gets neither, so the app draws at the 120x40 a user's terminal would have."""
        self.run("new-session", "-d", "-s", self.session, "-x", "120", "-y", "40",
                 "-c", str(cwd), f"env -u COLUMNS -u LINES {command}")

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", self.session, *keys)

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", self.session)

    def wait_for(self, predicate: Callable[[str], bool], timeout: float = 60.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            try:
                screen = self.screen()
            except subprocess.CalledProcessError:
                screen = ""  # the session ended
            if predicate(screen):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"screen never matched; last screen:\n{screen}")

    def alive(self) -> bool:
        return subprocess.run(["tmux", "-L", self.socket, "has-session", "-t", self.session],
                              capture_output=True).returncode == 0

    def kill(self) -> None:
        """Stop the private server and remove its socket file (tmux leaves it behind)."""
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)
        folder = Path(os.environ.get("TMUX_TMPDIR", "/tmp")) / f"tmux-{os.getuid()}"
        (folder / self.socket).unlink(missing_ok=True)


def test_triage_in_a_real_terminal(tmp_path: Path, tmux: Tmux) -> None:
    config_path = copy_demo(tmp_path / "demo")
    with Desk.open(load_config(config_path)) as desk:
        unread = desk.articles("is:unread", limit=2)
    second = unread[1]

    tmux.start(f"env TZ=UTC {sys.executable} -m tui --config {config_path}")
    screen = tmux.wait_for(lambda s: "Unread" in s and unread[0].title[:30] in s)
    assert second.title[:30] in screen

    tmux.keys("n")  # next unread: the second row
    tmux.keys("s")  # save it
    screen = tmux.wait_for(lambda s: "saved ★" in s)
    row = next(line for line in screen.splitlines() if second.title[:20] in line)
    assert "★" in row

    tmux.keys("t")
    tmux.wait_for(lambda s: "Add tags" in s)
    tmux.keys("smoke-test", "Enter")
    screen = tmux.wait_for(lambda s: "tagged #smoke-test" in s)
    row = next(line for line in screen.splitlines() if second.title[:20] in line)
    # the headline keeps its width: the new tag shows, or the row counts it among "+N"
    assert "#smoke" in row or re.search(r"#\S+ \+\d", row), row

    tmux.keys("Enter")  # the reader (the whole screen on a small terminal)
    tmux.wait_for(lambda s: f"id {second.id}" in s)
    tmux.keys("4")  # the actor list, beside the text
    tmux.wait_for(lambda s: "▶ Actors (" in s and "Related (" in s)
    tmux.keys("Enter")  # the first actor's timeline
    tmux.wait_for(lambda s: "Actor timeline: " in s)

    tmux.keys("q")  # up one level: back to the list, the article and the actor list
    tmux.wait_for(lambda s: "back to Unread" in s)
    tmux.keys("q", "q", "q")  # the actor list, the reader, then the app
    deadline = time.monotonic() + 15
    while tmux.alive() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not tmux.alive(), "q did not quit the app"

    with Desk.open(load_config(config_path)) as desk:
        article = desk.article(second.id)
        assert article is not None
        assert article.saved
        assert "smoke-test" in article.tags
        assert desk.article(unread[0].id).read is False  # only moved past, never opened
