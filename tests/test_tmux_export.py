"""`E` on a story at 80x24 in a real terminal (tmux, empty HOME): the dialog is drawn in the
middle like the other dialogs, the file is named after the story with its dates whole, the
message once written shows that file name, and the dossier is headed by the story's label."""

from __future__ import annotations

from pathlib import Path

from tests.test_app_support import copy_demo
from tests.test_tmux_panes import start, status
from tests.test_tmux_smoke import Tmux, pytestmark  # noqa: F401  (skips without tmux)
from tui.core.config.loader import load_config
from tui.core.desk import Desk


def test_a_story_exported_at_80x24(tmp_path: Path, tmux: Tmux) -> None:
    config = copy_demo(tmp_path / "demo")
    with Desk.open(load_config(config)) as desk:
        loaded = load_config(config)
        groups = (len(desk.all_tags()), len(list(desk.feeds())), len(loaded.views))
        stories_line = 3 + sum(1 + max(1, n) for n in groups)  # as test_tmux_navigation
        story = desk.stories()[0]  # the tree's first: newest first
    start(tmux, tmp_path, config, (80, 24))
    tmux.wait_for(lambda s: "Unread  1/" in s)
    tmux.keys("1")
    tmux.wait_for(lambda s: "▼ Tags" in s)
    tmux.keys(*["j"] * (stories_line - 1), "Enter")
    tmux.wait_for(lambda s: "▼ Stories" in s)
    tmux.keys("j", "Enter")
    tmux.wait_for(lambda s: "Story: " in status(s))
    tmux.keys("E")
    screen = tmux.wait_for(lambda s: "Export the list" in s)
    lines = screen.splitlines()
    top = next(i for i, line in enumerate(lines) if "Export the list" in line)
    left = lines[top].index("╭")
    right = 80 - len(lines[top].rstrip())
    assert top > 2 and abs(left - right) <= 1, screen  # centred, not at column 0, row 0
    dates = story.label.split(" · ")[-1].lower().replace(" ", "-")
    name = next(w for w in screen.split() if w.startswith("~/newsdesk-")).rsplit("/", 1)[1]
    assert name.endswith(f"-{dates}.md"), name
    tmux.keys("Enter")
    line = status(tmux.wait_for(lambda s: "exported" in status(s)))
    assert name in line, line
    text = (tmp_path / "home" / name).read_text(encoding="utf-8")
    assert text.startswith(f"# newsdesk: {story.label}\n"), text[:120]
    tmux.keys("q", "q")
