"""`newsdesk related N` opens with the article N it lists coverage of (its title, outlet and
date), on a terminal and into a pipe alike: a file or a pager of the list said nothing of
which article it followed. `--json` stays the array of items (README's keys): the script
passed N. Real processes on a copy of the demo; a pty for the terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_app_support import copy_demo, utc_clock
from tests.test_cli import newsdesk
from tests.test_cli_arabic import _on_terminal
from tui.core.config.loader import load_config
from tui.core.desk import Desk
from tui.core.visual import has_rtl, visual_lines


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_demo(tmp_path_factory.mktemp("related-head") / "demo")


def _head(desk: Desk, article_id: int) -> tuple[str, str, str]:
    article = desk.article(article_id)
    assert article is not None
    return article.title, article.feed, article.published.strftime("%Y-%m-%d %H:%M")


def test_a_pipe_gets_the_article_first_then_the_items(demo: Path) -> None:
    with utc_clock(), Desk.open(load_config(demo)) as desk:
        target = next(i for i in desk.ids() if len(desk.related(i)) >= 2)
        title, feed, date = _head(desk, target)
        items = desk.related(target)
        shown = newsdesk("--config", str(demo), "related", str(target))
    assert shown.returncode == 0 and shown.stderr == "", shown.stderr
    first, *rest = shown.stdout.splitlines()
    assert first == f"related to {target} ({feed}, {date}): {title}"
    assert [int(line.split()[0]) for line in rest[::2]] == [r.id for r in items]


def test_a_terminal_gets_it_drawn_as_the_items_are(demo: Path) -> None:
    with Desk.open(load_config(demo)) as desk:
        target = next(i for i in desk.ids("lang:fa") if desk.related(i))
        title, feed, _ = _head(desk, target)
    assert has_rtl(title) and has_rtl(feed)
    shown = _on_terminal("--config", str(demo), "related", str(target), columns=250)
    first = shown.splitlines()[0]
    assert first.startswith(f"related to {target} (")
    assert visual_lines(title, 1000)[0].text in first and title not in first, first


def test_json_stays_the_array_of_items(demo: Path) -> None:
    with Desk.open(load_config(demo)) as desk:
        target = next(i for i in desk.ids() if desk.related(i))
        ids = [r.id for r in desk.related(target)]
    shown = newsdesk("--config", str(demo), "related", str(target), "--json")
    assert shown.returncode == 0 and shown.stderr == ""
    assert [item["id"] for item in json.loads(shown.stdout)] == ids
