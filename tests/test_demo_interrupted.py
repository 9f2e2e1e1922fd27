"""Ctrl-C or SIGTERM while `newsdesk demo` fetches (a new user's very first command, which
fetches for several seconds before the reader opens) ends as `newsdesk fetch` does: one line
saying what is kept, 130 or 143, no worker left. It said a bare "interrupted", and on SIGTERM
(`timeout 30 newsdesk demo --fetch-only`) nothing at all."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.test_fetch_sigterm import _alive
from tests.test_tmux_first_use import user_env
from tests.test_tmux_smoke import Tmux


@pytest.mark.parametrize(("sent", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_demo_interrupted_while_it_fetches_says_what_is_kept(
    tmp_path: Path, sent: signal.Signals, code: int
) -> None:
    demo = subprocess.Popen(
        [sys.executable, "-m", "tui", "demo", "--fetch-only", "--dir", str(tmp_path / "demo")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        env={"HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin", "TZ": "UTC"},
    )
    assert demo.stderr is not None
    first = demo.stderr.readline()  # said as the demo's fetch starts
    assert first.startswith("newsdesk: demo: config and cache kept in "), first
    time.sleep(1)  # into the fetch: a first demo fetch takes several seconds
    demo.send_signal(sent)
    out, err = demo.communicate(timeout=60)
    assert demo.returncode == code, (out, err)
    assert err.startswith("interrupted: ") and err.count("\n") == 1, err
    assert "the next fetch" in err, err
    deadline = time.monotonic() + 5
    while _alive(demo.pid) and time.monotonic() < deadline:  # its workers too
        time.sleep(0.1)
    assert not _alive(demo.pid)


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_ctrl_c_in_a_terminal_during_the_demos_first_fetch(tmp_path: Path, term: Tmux) -> None:
    """As a new user meets it: Ctrl-C reaches the whole process group (the pool's workers
    too) while the progress bars are drawn; one line says what is kept, and the shell gets
    130."""
    demo = f"{sys.executable} -m tui demo --dir {tmp_path / 'demo'}"
    term.start(
        f"{user_env(tmp_path / 'home')} bash --norc -c '{demo}; echo \"exit $?\"; sleep 60'",
        cwd=tmp_path,
    )
    term.wait_for(lambda s: "feeds " in s and "━" in s)  # the bars: the fetch is under way
    term.keys("C-c")
    screen = term.wait_for(lambda s: "exit " in s)
    assert "exit 130" in screen, screen
    said = [line for line in screen.splitlines() if line.startswith("interrupted")]
    assert len(said) == 1 and said[0].startswith("interrupted: "), screen
    assert "Traceback" not in screen, screen
