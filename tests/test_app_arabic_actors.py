# ruff: noqa: RUF003  (Arabic text is the point here)
"""Pilot: an Arabic article that writes a name with vowel marks, the shadda or the tatweel
("إسماعيل هَنِيَّة", "هنيـة") counts each as the listed actor, highlights the whole word as
written, and makes up no "not listed" person cut at the first mark. A loopback feed fetched by
`newsdesk fetch`; the text is our own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.httpserver import LocalServer
from tests.test_app_support import SIZE, make_app, open_side
from tests.test_cli import fetched_feed
from tui.app.widgets.reader_text import mention_spans
from tui.core.config.loader import load_config
from tui.core.desk import Desk

TITLE = "إسماعيل هنيّة يُقتل في طهران"
BODY = ("قالت الحركة إن رئيس مكتبها السياسي إسماعيل هَنِيَّة قُتل فجر الأربعاء في مقر إقامته. "
        "وكان إسماعيل هنيـة قد حضر مراسم التنصيب أمس، ونعى المتحدث هنية في بيان.")
ITEMS = [{"title": TITLE, "description": BODY, "pubDate": "Wed, 31 Jul 2024 06:00:00 +0000"}]


@pytest.fixture
def marked_desk(server: LocalServer, tmp_path: Path, utc_clock: None) -> Iterator[tuple[Desk, object]]:
    config = load_config(Path(fetched_feed(server, tmp_path, ITEMS)))
    with Desk.open(config) as desk:
        yield desk, config


async def test_a_name_with_vowel_marks_is_the_listed_actor_whole(marked_desk) -> None:
    desk, config = marked_desk
    [target] = desk.ids()
    article = desk.article(target)
    actors = desk.actors_of(target)
    haniyeh = next(a for a in actors if a.id == "ismail-haniyeh")
    assert haniyeh.count == 4
    assert not [a.name for a in actors if not a.listed]  # no "إسماعيل ه", no "إسماعيل هني"
    shown = [(article.title if field == "title" else article.body)[start:end]
             for field, start, end, _kind in mention_spans(article, [haniyeh])]
    assert shown == ["إسماعيل هنيّة", "إسماعيل هَنِيَّة", "إسماعيل هنيـة", "هنية"]
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        side = await open_side(pilot, app, target)
        assert [(a.id, a.count) for a in side.actors if a.id == "ismail-haniyeh"] == [
            ("ismail-haniyeh", 4)]
        assert all(a.listed for a in side.actors), [a.name for a in side.actors]
