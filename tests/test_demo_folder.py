"""`newsdesk demo` keeps its state in the user's demo folder, says where, and the CLI can be
pointed at it (`newsdesk --config <folder>/feeds.toml list`), as the README says."""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

import pytest

from tests.test_firstrun import fresh_user, newsdesk
from tests.test_tmux_first_use import user_env
from tests.test_tmux_smoke import Tmux


def demo_dir(tmp_path: Path) -> Path:
    return tmp_path / "home" / ".local" / "share" / "newsdesk" / "demo"


def test_demo_state_survives_and_the_cli_reaches_it(tmp_path: Path) -> None:
    env = fresh_user(tmp_path)
    first = newsdesk("demo", "--fetch-only", env=env, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    folder = demo_dir(tmp_path)
    config = folder / "feeds.toml"
    assert f"demo: config and cache kept in {folder}" in first.stderr
    assert f"`newsdesk --config {config} list`" in first.stderr

    listed = newsdesk("--config", str(config), "list", "--limit", "0", env=env, cwd=tmp_path)
    rows = listed.stdout.splitlines()
    assert listed.returncode == 0 and len(rows) >= 48
    first_id = rows[0].split()[0]
    tagged = newsdesk("--config", str(config), "tag", first_id, "--add", "kept", env=env,
                      cwd=tmp_path)
    assert tagged.returncode == 0, tagged.stderr

    again = newsdesk("demo", "--fetch-only", env=env, cwd=tmp_path)  # a later demo run
    assert again.returncode == 0, again.stderr
    kept = newsdesk("--config", str(config), "list", "+kept", env=env, cwd=tmp_path)
    assert [line.split()[0] for line in kept.stdout.splitlines()] == [first_id]

    chosen = tmp_path / "chosen"
    elsewhere = newsdesk("demo", "--fetch-only", "--dir", str(chosen), env=env, cwd=tmp_path)
    assert elsewhere.returncode == 0 and (chosen / "feeds.toml").is_file()
    assert f"kept in {chosen}" in elsewhere.stderr


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_demo_in_a_terminal_says_where_and_keeps_a_save(tmp_path: Path, term: Tmux) -> None:
    home = tmp_path / "home"
    folder = demo_dir(tmp_path)
    # The shell stays after the demo, so what it printed on leaving can be read.
    term.start(f"sh -c '{user_env(home)} {sys.executable} -m tui demo; echo DEMO-ENDED; "
               "sleep 60'", cwd=tmp_path)
    # the notice inside the app, once the list is drawn
    term.wait_for(lambda s: "R Refresh" in s and "●" in s
                  and "Demo: what you tag and save is kept in" in s, timeout=90)
    term.keys("s")
    term.wait_for(lambda s: "saved ★" in s)
    term.keys("q")
    screen = term.wait_for(lambda s: "DEMO-ENDED" in s)
    flat = "".join(screen.split())
    assert f"yourtagsandsavesstayin{folder}" in flat
    time.sleep(0.2)
    saved = newsdesk("--config", str(folder / "feeds.toml"), "list", "is:saved",
                     env=fresh_user(tmp_path), cwd=tmp_path)
    assert len(saved.stdout.splitlines()) == 1, saved.stderr


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_a_view_saved_in_the_demo_survives_a_demo_on_another_port(tmp_path: Path,
                                                                  term: Tmux) -> None:
    """The new user's report: `V` on a filter, quit, `newsdesk demo` again (its port taken by
    then): the view is still in feeds.toml and under Views, and no article came twice."""
    import re
    import socket

    home = tmp_path / "home"
    config = demo_dir(tmp_path) / "feeds.toml"
    run = f"{user_env(home)} {sys.executable} -m tui demo"
    term.start(f"sh -c '{run}; echo DEMO-ENDED; sleep 4; {run}; echo AGAIN-ENDED; sleep 60'",
               cwd=tmp_path)
    term.wait_for(lambda s: "R Refresh" in s and "●" in s, timeout=90)
    term.keys("f")
    term.wait_for(lambda s: "f filter" in s)
    term.keys(*"actor:irgc", "Enter")
    term.wait_for(lambda s: "f:actor:irgc" in s)
    term.keys("V")
    term.wait_for(lambda s: "Save as a view" in s)
    term.keys("ИРГЦ осень", "Enter")
    term.wait_for(lambda s: "saved the view 'ИРГЦ осень'" in s)
    port = int(re.findall(r"127\.0\.0\.1:(\d+)/", config.read_text(encoding="utf-8"))[0])
    term.keys("q")  # the view just made is a level down: back to where it was made
    term.wait_for(lambda s: "back to " in s and "f:actor:irgc" in s)
    term.keys("q")  # leaves the filter first, as newsboat's q leaves a search
    term.wait_for(lambda s: "search and filter cleared" in s)
    term.keys("q")
    term.wait_for(lambda s: "DEMO-ENDED" in s)
    with socket.socket() as held:  # the old port is someone else's by the next run
        held.bind(("127.0.0.1", port))
        held.listen()
        screen = term.wait_for(lambda s: s.count("R Refresh") and "ИРГЦ осень" in s
                               and "Views" in s, timeout=90)
        assert "ИРГЦ осень" in screen
        term.keys("q")
        term.wait_for(lambda s: "AGAIN-ENDED" in s)
    text = config.read_text(encoding="utf-8")
    assert f"127.0.0.1:{port}/" not in text and 'name = "ИРГЦ осень"' in text
    listed = newsdesk("--config", str(config), "list", "--limit", "0", env=fresh_user(tmp_path),
                      cwd=tmp_path)
    assert len(listed.stdout.splitlines()) == 57, listed.stderr
