"""`--limit` means the same in every command that takes it, as `list` set the rule: 0 lists
all, and a list the limit cut says so on stderr ("2 of 76 shown; --limit 0 lists all"), so
stdout stays the data a script reads; a limit the caller gave is said only on a terminal. Run by real `newsdesk` processes on a copy of the demo."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_app_support import copy_demo
from tests.test_cli import newsdesk

NOTE = re.compile(r"newsdesk: (\d+) of (\d+) shown; --limit 0 lists all\n")


@pytest.fixture
def demo(tmp_path: Path) -> str:
    return str(copy_demo(tmp_path / "demo"))


def on_terminal(*args: str) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `newsdesk ARGS` with stderr a terminal, as a person
    running it has: a limit given is said there, never into a pipe (cron mails it)."""
    main, child = pty.openpty()
    try:
        run = subprocess.run([sys.executable, "-m", "tui", *args], stdout=subprocess.PIPE,
                             stderr=child, text=True, timeout=120)
        os.close(child)
        said = b""
        while True:
            try:
                chunk = os.read(main, 4096)
            except OSError:  # EIO: the terminal's other end is closed, all was read
                break
            if not chunk:
                break
            said += chunk
    finally:
        os.close(main)
    return run.returncode, run.stdout, said.decode().replace("\r\n", "\n")


def cut(config: str, *args: str) -> tuple[list[str], int]:
    """(stdout lines, the total the stderr note gives) of a command cut at --limit 2: said
    on a terminal, not a word into a pipe."""
    piped = newsdesk("--config", config, *args, "--limit", "2")
    assert piped.returncode == 0 and piped.stderr == "", piped.stderr
    code, out, err = on_terminal("--config", config, *args, "--limit", "2")
    assert code == 0 and out == piped.stdout, err
    note = NOTE.fullmatch(err)
    assert note and int(note[1]) == 2, err
    return out.splitlines(), int(note[2])


def every(config: str, *args: str) -> list[object]:
    whole = newsdesk("--config", config, *args, "--limit", "0", "--json")
    assert whole.returncode == 0 and whole.stderr == "", whole.stderr
    return list(json.loads(whole.stdout))


def test_list_says_a_limit_given_on_a_terminal_only(demo: str) -> None:
    lines, total = cut(demo, "list")
    assert len(lines) == 2 and total == len(newsdesk("--config", demo, "list", "--limit", "0")
                                            .stdout.splitlines())


def test_actors_limit_0_lists_all_and_a_cut_list_says_so_on_stderr(demo: str) -> None:
    lines, total = cut(demo, "actors")
    assert len(lines) == 2 and total > 50  # no "… N more" line among the data
    assert len(every(demo, "actors")) == total


def test_stories_limit_0_lists_all(demo: str) -> None:
    lines, total = cut(demo, "stories")
    assert len(lines) == 2 and total > 2
    assert len(every(demo, "stories")) == total


def test_related_limit_0_lists_all(demo: str) -> None:
    stories = json.loads(newsdesk("--config", demo, "stories", "--json").stdout)
    story = max(stories, key=lambda s: len(s["articles"]))  # whatever the weights link
    first = str(max(story["articles"]))  # in a story: it has related coverage
    linked = every(demo, "related", first)
    assert len(linked) > 2
    lines, total = cut(demo, "related", first)
    assert total == len(linked) and len(lines) == 5  # the article, two items of two lines
