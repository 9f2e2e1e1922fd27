"""The panes' keys in a real terminal, as a user starts the app: tmux runs `python -m tui` with
an empty HOME and a bare environment (no warm process, no test's stderr), keys are typed as a
user types them (several in one burst where a fast typist would), and the screen is read back.

Each pane moves its own cursor and opens what is under it; these walk every pane."""

from __future__ import annotations

import os
import shlex
import sys
import time
from pathlib import Path

from tests.test_app_support import copy_demo
from tests.test_tmux_smoke import Tmux, pytestmark  # noqa: F401  (skips without tmux)
from tui.core.config.loader import load_config
from tui.core.desk import Desk


def start(tmux: Tmux, tmp_path: Path, config: Path, size: tuple[int, int]) -> None:
    """`python -m tui` in a bare environment with an empty HOME. A PYTHONPATH the tests were
    given is kept (a worktree's tests must run its code, not the installed checkout's)."""
    home = tmp_path / "home"
    home.mkdir()
    path = os.environ.get("PYTHONPATH")
    command = ["env", "-i", f"HOME={home}", "TERM=xterm-256color", "PATH=/usr/bin:/bin",
               "TZ=UTC", *([f"PYTHONPATH={path}"] if path else []),
               sys.executable, "-m", "tui", "--config", str(config)]
    width, height = size
    tmux.run("new-session", "-d", "-s", tmux.session, "-x", str(width), "-y", str(height),
             "-c", str(tmp_path), shlex.join(command))


def status(screen: str) -> str:
    return screen.splitlines()[-2]  # the line above the footer


def list_lines(screen: str) -> list[str]:
    """The article list's rows with the reader open under it (above its border)."""
    lines = screen.splitlines()
    return lines[:next(i for i, line in enumerate(lines) if line.startswith("▔"))]


def quit_app(tmux: Tmux) -> None:
    deadline = time.monotonic() + 15
    while tmux.alive() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not tmux.alive(), "q did not quit the app"


def test_each_pane_moves_and_opens_under_the_list(tmp_path: Path, tmux: Tmux) -> None:
    config = copy_demo(tmp_path / "demo")
    with Desk.open(load_config(config)) as desk:
        unread = desk.articles("is:unread", limit=100)
        at = max(range(8, len(unread)), key=lambda i: len(desk.article(unread[i].id).body or ""))
    chosen = unread[at]

    start(tmux, tmp_path, config, (120, 36))  # the reader opens under the list
    tmux.wait_for(lambda s: "Unread  1/" in s)
    tmux.keys(*["j"] * at)
    tmux.wait_for(lambda s: f"Unread  {at + 1}/" in s)
    tmux.keys("Enter")  # the reader takes the lower two thirds: the row stays in sight

    def row_in_sight(screen: str) -> bool:
        opened = any(line.startswith("▔") for line in screen.splitlines())
        rows = list_lines(screen) if opened else []
        return 0 < len(rows) < 15 and any(chosen.feed[:8] in row and chosen.title[:12] in row
                                          for row in rows)

    tmux.wait_for(row_in_sight, timeout=10)

    tmux.keys("Tab", "G")  # the text scrolls to its end, g back to its header (the id)
    tmux.wait_for(lambda s: f"· id {chosen.id}" not in s)
    tmux.keys("g")
    tmux.wait_for(lambda s: f"· id {chosen.id}" in s)

    tmux.keys("Tab", "Tab", "Tab")  # typed fast: actors, related, then the view tree shows
    # before its counts are recounted for the article just read: the recount must keep the
    # cursor and the fold made meanwhile
    tmux.wait_for(lambda s: any(line.lstrip("▏┃").startswith("Unread ")
                                for line in s.splitlines()))
    tmux.keys("j", "j", "Enter")  # from the listed view (Unread): Saved, then Tags folds
    screen = tmux.wait_for(lambda s: "▶ Tags" in s)
    assert f"Unread  {at + 1}/" in status(screen)

    tmux.keys("q")  # the reader closes, the list has the focus again
    tmux.wait_for(lambda s: "Related (" not in s and f"Unread  {at + 1}/" in status(s))
    tmux.keys("q")
    quit_app(tmux)

    with Desk.open(load_config(config)) as desk:
        assert desk.article(chosen.id).read  # opened, so marked read
        assert not desk.article(unread[at - 1].id).read  # only moved past


def _rtl(title: str) -> bool:
    return any("\u0590" <= ch <= "\u08ff" for ch in title)


def test_side_panel_story_query_bar_and_palette(tmp_path: Path, tmux: Tmux) -> None:
    config = copy_demo(tmp_path / "demo")
    with Desk.open(load_config(config)) as desk:
        listed = desk.ids("is:unread")
        # the first related item's title is looked for on screen as written: one in a
        # right-to-left script is drawn in display order, so the story must lead to a
        # left-to-right one (which story that is moves with a refit of the weights)
        story = next(s for s in sorted(desk.stories(), key=lambda s: -len(s.article_ids))
                     if all(desk.related(i) and desk.actors_of(i) for i in s.article_ids)
                     and not _rtl(desk.related(s.article_ids[0])[0].title))
        first = story.article_ids[0]
        related = desk.related(first)[0]

    start(tmux, tmp_path, config, (120, 40))
    tmux.wait_for(lambda s: "Unread  1/" in s)
    tmux.keys(*["j"] * listed.index(first), "Enter")
    tmux.wait_for(lambda s: "Related (" in s and f"Unread  {listed.index(first) + 1}/" in s)

    count = len(story.article_ids)  # the first is the oldest: the last of the story's list
    tmux.keys("]")  # next as lists go: older, and there is none
    tmux.wait_for(lambda s: "oldest article of the story" in status(s))
    tmux.keys("[")  # the newer one
    tmux.wait_for(lambda s: f"story {count - 1}/{count}, newer:" in status(s))
    tmux.keys("]")
    tmux.wait_for(lambda s: f"story {count}/{count}, older:" in status(s))

    tmux.keys("Tab", "Tab", "Tab", "Enter")  # typed fast: the first related item opens
    tmux.wait_for(lambda s: related.title[:30] in s and "Related (" in s
                  and f"Unread  {listed.index(related.id) + 1}/" in status(s))

    # A bad filter, typed in the same burst as the `f` that opens the bar: the error names
    # its column (the bar once selected its text on focus, and "is" typed before the focus
    # event landed was replaced: the filter read ":bogus").
    tmux.keys("f", *"is:bogus", "Enter")
    tmux.wait_for(lambda s: "query error (column 4)" in s  # under the bar, said once
                  and "query error" not in status(s))
    tmux.keys("Escape")
    tmux.wait_for(lambda s: "f filter" not in s)
    tmux.keys("/", *"f/f")
    tmux.wait_for(lambda s: "/ search" in s
                  and any(row.strip("▊▎ ") == "f/f" for row in s.splitlines()))
    tmux.keys("Escape")  # alone: a terminal reads esc and a key right after it as alt+key
    tmux.wait_for(lambda s: "/ search" not in s)
    tmux.keys("/", *"treaty", "Enter")
    tmux.wait_for(lambda s: "/treaty" in status(s) and "/ search" not in s)

    tmux.keys("C-p")  # the palette runs the same commands as the keys
    tmux.wait_for(lambda s: "Search for commands" in s)
    tmux.keys(*"Save (s)")
    tmux.wait_for(lambda s: "Toggle the saved star" in s)
    tmux.keys("Enter")
    screen = tmux.wait_for(lambda s: "saved ★" in status(s))
    # the related article stays open in the reader though the search left it out (the list
    # had the focus, so the palette's Save took the first result): q closes the reader, q
    # leaves the search, q quits
    assert "Related (" in screen
    tmux.keys("q")
    tmux.wait_for(lambda s: "Related (" not in s and "/treaty" in status(s))
    tmux.keys("q")
    tmux.wait_for(lambda s: "search and filter cleared" in status(s))
    tmux.keys("q")
    quit_app(tmux)

    with Desk.open(load_config(config)) as desk:
        assert desk.article(related.id).read
        assert desk.ids("is:saved") == desk.ids("(is:unread) (treaty)")[:1]
