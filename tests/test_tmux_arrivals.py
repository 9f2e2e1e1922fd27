"""A refresh in a real terminal (tmux, empty HOME) with the list scrolled down: the selected
article keeps its screen row, the status line says how many new articles arrived above it,
and `g` (the top, where they are) takes the word away."""

from __future__ import annotations

from pathlib import Path

from tests import test_app_support as support
from tests.test_tmux_panes import quit_app, start, status
from tests.test_tmux_smoke import Tmux, pytestmark  # noqa: F401  (skips without tmux)
from tui.core.config.loader import load_config
from tui.core.desk import Desk


def _all_but_the_first_feed(tmp_path: Path) -> tuple[Path, list[str]]:
    """A cache without the demo's first feed, its feeds.toml then naming every feed: `R`
    adds that feed's articles. Returns the file and the unread titles it lists now."""
    full = (support.demo_master().folder / "feeds.toml").read_text(encoding="utf-8")
    head, *feeds = full.split("[[feed]]")
    folder = tmp_path / "grow"
    folder.mkdir()
    path = folder / "feeds.toml"
    path.write_text(head + "".join("[[feed]]" + feed for feed in feeds[1:]), encoding="utf-8")
    with Desk.open(load_config(path)) as desk:
        desk.refresh(extract=False)
        titles = [row.title for row in desk.articles("is:unread", limit=500)]
    path.write_text(full, encoding="utf-8")
    return path, titles


def test_new_articles_above_a_scrolled_list_are_said(tmp_path: Path, tmux: Tmux) -> None:
    config, titles = _all_but_the_first_feed(tmp_path)
    unread = len(titles)
    start(tmux, tmp_path, config, (80, 24))
    tmux.wait_for(lambda s: f"Unread  1/{unread}" in status(s))
    middle = unread // 2
    tmux.keys(*["j"] * (middle - 1))
    screen = tmux.wait_for(lambda s: f"Unread  {middle}/{unread}" in status(s))
    title = titles[middle - 1][:24]
    chosen = next(i for i, line in enumerate(screen.splitlines()) if title in line)
    assert chosen > 0 and titles[0][:24] not in screen  # scrolled down the list
    tmux.keys("R")
    screen = tmux.wait_for(lambda s: "refreshed all feeds" in status(s), timeout=120)
    line = status(screen)
    assert " new above" in line, line
    came = int(line.split(" new above")[0].split()[-1])
    assert f"  {middle + came}/" in line, line  # the same article, its place in the list
    assert title in screen.splitlines()[chosen]  # on the same screen row
    tmux.keys("g")
    tmux.wait_for(lambda s: "  1/" in status(s) and "new above" not in status(s))
    tmux.keys("q")
    quit_app(tmux)
