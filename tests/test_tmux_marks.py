"""Marks in a real terminal (tmux, empty HOME): `m` shows a ✓ on the row and moves on, the
status line counts the marks, `s` saves every marked article and one `u` takes them all back;
rows `newsdesk read` takes out of the list take their marks, and `t` tags only the rest.
`]` to a story's article the list lacks: `s` saves the article the reader shows."""

from __future__ import annotations

from pathlib import Path

from tests.test_app_support import copy_demo
from tests.test_tmux_follow import cli
from tests.test_tmux_panes import start, status
from tests.test_tmux_smoke import Tmux, pytestmark  # noqa: F401  (skips without tmux)
from tui.core.config.loader import load_config
from tui.core.desk import Desk


def test_mark_two_rows_save_both_and_undo(tmp_path: Path, tmux: Tmux) -> None:
    config = copy_demo(tmp_path / "demo")
    with Desk.open(load_config(config)) as desk:
        unread = desk.ids("is:unread")
    start(tmux, tmp_path, config, (120, 40))
    tmux.wait_for(lambda s: f"Unread  1/{len(unread)}" in s)
    tmux.keys("m", "m")
    screen = tmux.wait_for(lambda s: f"2 marked  3/{len(unread)}" in status(s))
    rows = [line for line in screen.splitlines() if "✓" in line]
    assert len(rows) == 2, screen
    tmux.keys("s")
    tmux.wait_for(lambda s: "2 marked articles saved ★" in status(s))
    with Desk.open(load_config(config)) as desk:
        assert [desk.article(i).saved for i in unread[:3]] == [True, True, False]
    tmux.keys("u")
    tmux.wait_for(lambda s: "undone: 2 marked articles saved" in status(s))
    with Desk.open(load_config(config)) as desk:
        assert not any(desk.article(i).saved for i in unread[:3])
    tmux.keys("M")
    tmux.wait_for(lambda s: "marks cleared" in status(s) and "✓" not in s)
    tmux.keys("q")


def test_marks_of_rows_the_cli_reads_go_and_t_tags_the_rest(tmp_path: Path, tmux: Tmux) -> None:
    """`M` in Unread, then `newsdesk read --query` from another shell: the list drops those
    rows, the count and a message say their marks went, and `t` tags only the rows listed."""
    config = copy_demo(tmp_path / "demo")
    query = 'feed:"Gulf Dispatch" is:unread'
    with Desk.open(load_config(config)) as desk:
        unread, gone = desk.ids("is:unread"), desk.ids(query)
    left = len(unread) - len(gone)
    start(tmux, tmp_path, config, (120, 40))
    tmux.wait_for(lambda s: f"Unread  1/{len(unread)}" in s)
    tmux.keys("M")
    tmux.wait_for(lambda s: f"{len(unread)} marked  1/{len(unread)}" in status(s))
    assert cli(config, "read", "--query", query).returncode == 0
    tmux.wait_for(lambda s: f"{left} marked  1/{left}" in status(s)
                  and f"{len(gone)} marked articles left the list" in status(s), timeout=10)
    tmux.keys("t")
    tmux.wait_for(lambda s: f"{left} marked articles" in s)
    tmux.keys(*"probe", "Enter")
    tmux.wait_for(lambda s: f"{left} marked articles tagged #probe" in status(s))
    with Desk.open(load_config(config)) as desk:
        assert not any("probe" in desk.article(i).tags for i in gone)
        assert sorted(desk.ids("+probe")) == sorted(set(unread) - set(gone))
    tmux.keys("q")


def test_s_after_a_story_step_out_of_the_list_saves_the_article_shown(
        tmp_path: Path, tmux: Tmux) -> None:
    config = copy_demo(tmp_path / "demo")
    with Desk.open(load_config(config)) as desk:
        (listed,) = desk.ids('"Gulf capitals"')
        story = desk.story_of(listed)
        assert story is not None
        newest_first = list(reversed(story.article_ids))
        shown = newest_first[newest_first.index(listed) + 1]
    start(tmux, tmp_path, config, (120, 40))
    tmux.wait_for(lambda s: "Unread  1/" in s)
    tmux.keys("/")
    tmux.wait_for(lambda s: "/ search" in s or "search" in status(s))
    tmux.keys(*"Gulf capitals", "Enter")
    tmux.wait_for(lambda s: "/Gulf capitals" in status(s) and "1/1" in status(s))
    tmux.keys("]", "s")  # in one burst, as a user types them
    tmux.wait_for(lambda s: f"saved ★ #{shown} " in status(s))
    with Desk.open(load_config(config)) as desk:
        assert desk.article(shown).saved and not desk.article(listed).saved
    tmux.keys("q", "q")
