"""In a real terminal, as a user starts the app: the related panel sets the weak links
apart (a divider, "maybe") and counts them in its title."""

from __future__ import annotations

import re
from pathlib import Path

from tests.test_app_support import copy_demo
from tests.test_tmux_panes import start
from tests.test_tmux_smoke import Tmux, pytestmark  # noqa: F401  (skips without tmux)
from tui.app.widgets.side_panel import WEAKER
from tui.core.config.loader import load_config
from tui.core.desk import Desk
from tui.core.related_items import is_weak


def test_the_related_panel_sets_weak_links_apart(tmp_path: Path, tmux: Tmux) -> None:
    config = copy_demo(tmp_path / "demo")
    with Desk.open(load_config(config)) as desk:
        def phrase(i: int) -> str:
            title = desk.article(i).title
            return " ".join(re.findall(r"[A-Za-z]+", title)[:4])

        # the fewest weak items (a refit of the weights moves which article that is): the
        # divider and the last weak item then fit the panel together
        target = min((i for i in desk.ids() if (items := desk.related(i))
                      and any(r.in_story for r in items) and any(is_weak(r) for r in items)
                      and phrase(i).count(" ") == 3
                      and desk.ids(f'title:"{phrase(i)}"') == [i]),
                     key=lambda i: sum(1 for r in desk.related(i) if is_weak(r)))
        items = desk.related(target)
        query = f'title:"{phrase(target)}"'
    weak = sum(1 for r in items if is_weak(r))
    start(tmux, tmp_path, config, (120, 40))
    tmux.wait_for(lambda s: "Unread  1/" in s)
    tmux.keys("f")
    tmux.wait_for(lambda s: "f filter" in s)
    tmux.keys(*query, "Enter")
    tmux.wait_for(lambda s: "1/1" in s)
    tmux.keys("Enter")
    tmux.wait_for(lambda s: f"· id {target}" in s)
    tmux.keys("5")
    screen = tmux.wait_for(lambda s: f"▶ Related ({len(items) - weak} + {weak} maybe)" in s)
    tmux.keys("End")  # the last (weakest) item in sight, after the divider
    # an item's "· maybe" may wrap at the panel's edge: any "maybe" after the divider's own
    screen = tmux.wait_for(lambda s: WEAKER in s
                           and s.rfind("maybe") > s.index(WEAKER) + len(WEAKER))
    assert screen.index(WEAKER) < screen.rindex("maybe")
    tmux.keys("q", "q", "q")
