"""In a real terminal, the reader follows what changes outside it: `newsdesk read` and `save`
run from another shell show on the open screen without a key, and a feed added to feeds.toml
is fetched and listed by `R`. Then, a crontab line that forgot `fetch` ends at once."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import rss
from tests.httpserver import LocalServer
from tests.test_app_support import copy_demo
from tests.test_tmux_smoke import Tmux
from tui.core.config.loader import load_config
from tui.core.desk import Desk

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def cli(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", "--config", str(config), *args],
                          capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)


def test_the_open_reader_follows_the_cli_and_feeds_toml(server: LocalServer, tmp_path: Path,
                                                        tmux: Tmux) -> None:
    config = copy_demo(tmp_path / "demo")
    with Desk.open(load_config(config)) as desk:
        unread = desk.articles("is:unread", limit=3)
        total = desk.count("is:unread")
    tmux.start(f"env TZ=UTC {sys.executable} -m tui --config {config}")
    tmux.wait_for(lambda s: f"Unread {total}/" in s and "Saved 0/0" in s)

    assert cli(config, "read", str(unread[0].id), str(unread[1].id)).returncode == 0
    assert cli(config, "save", str(unread[2].id)).returncode == 0
    done = time.monotonic()
    tmux.wait_for(lambda s: f"Unread {total - 2}/" in s and "Saved 1/1" in s, timeout=10)
    assert time.monotonic() - done < 5  # polled each second

    items = [{"title": f"Caspian ferry line {i} reopens", "guid": f"ferry-{i}",
              "link": f"http://127.0.0.1/ferry/{i}", "pubDate": "Mon, 02 Jun 2025 10:00:00 GMT",
              "description": "Boats run again."} for i in range(2)]
    url = server.add("/ferry.xml", body=rss(items, "Ferry Wire"))
    with config.open("a", encoding="utf-8") as file:
        file.write(f'\n[[feed]]\nname = "Ferry Wire"\nurl = "{url}"\nextract = false\n')
    tmux.keys("R")
    screen = tmux.wait_for(lambda s: "Ferry Wire 2/2" in s, timeout=60)
    assert f"Unread {total}/" in screen  # the two new ones
    tmux.keys("q")


def test_V_puts_keys_edited_meanwhile_in_use(tmp_path: Path, tmux: Tmux) -> None:
    """A key remapped in feeds.toml while the reader runs works after `V` saves a view (the
    file is read back whole, as R reads it), not only after R or a restart."""
    config = copy_demo(tmp_path / "demo")
    with Desk.open(load_config(config)) as desk:
        total = desk.count("is:unread")
    tmux.start(f"env TZ=UTC {sys.executable} -m tui --config {config}")
    tmux.wait_for(lambda s: f"Unread {total}/" in s)
    with config.open("a", encoding="utf-8") as file:
        file.write('\n[keys]\ntoggle_saved = "S"\n')
    tmux.keys("f")
    tmux.wait_for(lambda s: "f filter" in s)
    tmux.keys(*"tag:iran", "Enter")
    tmux.wait_for(lambda s: "f:tag:iran" in s)
    tmux.keys("V")
    tmux.wait_for(lambda s: "Save as a view" in s)
    tmux.keys(*"Iran desk", "Enter")
    tmux.wait_for(lambda s: "saved the view 'Iran desk'" in s)
    tmux.keys("S")
    tmux.wait_for(lambda s: "saved ★ #" in s and "Saved 1/1" in s, timeout=10)
    tmux.keys("q")


def test_the_reader_from_cron_exits_at_once(tmp_path: Path, tmux: Tmux) -> None:
    """The crontab line, in a shell: no terminal on stdin, the log gets one line."""
    config = copy_demo(tmp_path / "demo")
    log = tmp_path / "cron.log"
    tmux.start("sh")
    tmux.keys(f"{sys.executable} -m tui --config {config} </dev/null >{log} 2>&1; "
              "echo rc=$?", "Enter")
    tmux.wait_for(lambda s: "rc=2" in s, timeout=30)
    assert log.read_text() == ("newsdesk: the reader needs a terminal (to refresh from cron: "
                               "newsdesk fetch)\n")
