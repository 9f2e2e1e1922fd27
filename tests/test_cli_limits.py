"""`--limit` means the same in every command that takes it, as `list` set the rule: 0 lists
all, and a list the limit cut says so on stderr ("2 of 76 shown; --limit 0 lists all"), so
stdout stays the data a script reads. Run by real `newsdesk` processes on a copy of the demo."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.test_app_support import copy_demo
from tests.test_cli import newsdesk

NOTE = re.compile(r"newsdesk: (\d+) of (\d+) shown; --limit 0 lists all\n")


@pytest.fixture
def demo(tmp_path: Path) -> str:
    return str(copy_demo(tmp_path / "demo"))


def cut(config: str, *args: str) -> tuple[list[str], int]:
    """(stdout lines, the total the stderr note gives) of a command cut at --limit 2."""
    shown = newsdesk("--config", config, *args, "--limit", "2")
    assert shown.returncode == 0, shown.stderr
    note = NOTE.fullmatch(shown.stderr)
    assert note and int(note[1]) == 2, shown.stderr
    return shown.stdout.splitlines(), int(note[2])


def every(config: str, *args: str) -> list[object]:
    whole = newsdesk("--config", config, *args, "--limit", "0", "--json")
    assert whole.returncode == 0 and whole.stderr == "", whole.stderr
    return list(json.loads(whole.stdout))


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
    assert total == len(linked) and len(lines) == 4  # two items, two lines each
