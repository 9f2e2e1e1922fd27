"""`newsdesk related` says what its score and its words mean, so "0.03 ... same story" does
not read as a contradiction: the score is one pair's chance of the same event, "same story"
the story grouping (which weighs every pair among its articles). Real processes on a copy of
the demo; a terminal (a pty) gets the key on stderr, a pipe only the data."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from tests.test_app_support import copy_demo
from tests.test_cli import newsdesk
from tui.core.config.loader import load_config
from tui.core.desk import Desk
from tui.core.related_items import LIKELY_FROM, is_weak


def test_each_item_says_how_strong_its_link_is(tmp_path: Path) -> None:
    config = str(copy_demo(tmp_path / "demo"))
    with Desk.open(load_config(Path(config))) as desk:
        target = next(i for i in desk.ids() if (items := desk.related(i, limit=50))
                      and any(r.in_story and r.score < LIKELY_FROM for r in items)
                      and any(is_weak(r) for r in items))
        items = desk.related(target, limit=50)
    shown = newsdesk("--config", config, "related", str(target), "--limit", "0")
    assert shown.returncode == 0 and shown.stderr == "", shown.stderr  # a pipe: data only
    whys = shown.stdout.splitlines()[2::2]  # after the line naming the article
    assert len(whys) == len(items)
    for item, why in zip(items, whys, strict=True):
        word, _, shared = why.strip().split(" · ")[0].partition(", also linked to ")
        assert shared == (f"{item.shared} of its other reports" if item.shared >= 2 else "")
        if item.in_story:
            assert word == ("same story" if item.score >= LIKELY_FROM
                            else "same story, via its other articles"), (item, why)
        else:
            assert word == ("maybe" if is_weak(item) else "likely"), (item, why)
    helped = newsdesk("--config", config, "related", "--help").stdout
    assert "the chance that the pair alone reports the same event" in " ".join(helped.split())


def test_a_terminal_gets_the_key_naming_the_story(tmp_path: Path) -> None:
    config = str(copy_demo(tmp_path / "demo"))
    with Desk.open(load_config(Path(config))) as desk:
        target = next(i for i in desk.ids() if desk.story_of(i) and desk.related(i))
        story = desk.story_of(target)
    assert story is not None
    main, other = pty.openpty()
    try:
        run = subprocess.run([sys.executable, "-m", "tui", "--config", config, "related",
                              str(target), "--limit", "2"], stdout=other, stderr=subprocess.PIPE, text=True,
                             timeout=120)
    finally:
        os.close(other)
        os.close(main)
    assert run.returncode == 0
    assert "score: the chance that the pair alone reports the same event" in run.stderr
    assert f"(story {story.id}: {story.label})" in run.stderr, run.stderr


def test_the_side_panel_words_each_item_as_the_cli_does(tmp_path: Path) -> None:
    """The related panel said "same story" where `newsdesk related` says "same story, via its
    other articles" for a story member whose own pair is weak: one wording now."""
    from tui.app.widgets.side_panel import related_prompt

    config = str(copy_demo(tmp_path / "demo"))
    with Desk.open(load_config(Path(config))) as desk:
        target = next(i for i in desk.ids() if any(
            r.in_story and r.score < LIKELY_FROM for r in desk.related(i, limit=50)))
        items = desk.related(target, limit=50)
    shown = newsdesk("--config", config, "related", str(target), "--limit", "0")
    words = [why.strip().split(" · ")[0] for why in shown.stdout.splitlines()[2::2]]
    assert "same story, via its other articles" in words
    for item, word in zip(items, words, strict=True):
        line = getattr(related_prompt(item), "plain", "").split("\n")[1]
        assert line.endswith(f" · {word}"), (line, word)
