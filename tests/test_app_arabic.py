"""Pilot: `/` finds an Arabic word written with an attached proclitic ("ولبنان" for "لبنان"),
as it finds other forms of a Russian word. A loopback feed fetched by `newsdesk fetch`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.httpserver import LocalServer
from tests.test_app_support import SIZE, listed_ids, main, make_app, settle, status, until
from tests.test_cli import fetched_feed
from tests.test_cli_arabic import ITEMS, KABUL, MEETING
from tui.core.config.loader import load_config
from tui.core.desk import Desk


@pytest.fixture
def arabic_desk(server: LocalServer, tmp_path: Path, utc_clock: None) -> Iterator[tuple[Desk, object]]:
    config = load_config(Path(fetched_feed(server, tmp_path, ITEMS)))
    with Desk.open(config) as desk:
        yield desk, config


def titles(desk: Desk, ids: list[int]) -> list[str]:
    return [desk.article(aid).title for aid in ids]


async def test_slash_finds_words_with_attached_prefixes(arabic_desk) -> None:
    desk, config = arabic_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(listed_ids(app)) == len(ITEMS)
        await pilot.press("slash", *"لبنان", "enter")
        await until(pilot, lambda: len(listed_ids(app)) == 1)
        assert titles(desk, listed_ids(app)) == [MEETING]
        assert "/لبنان" in status(app)
        await pilot.press("slash", "ctrl+u", *"كتاب", "enter")  # Arabic kaf for Persian ک
        await until(pilot, lambda: titles(desk, listed_ids(app)) == [KABUL])


async def test_the_reader_right_aligns_arabic_paragraphs(arabic_desk) -> None:
    desk, config = arabic_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"لبنان", "enter")
        await until(pilot, lambda: len(listed_ids(app)) == 1)
        await pilot.press("enter")
        body = app.screen.query_one("#reader-body")
        await until(pilot, lambda: "ولبنان" in _lines(body))
        line = next(text for text in _lines(body).splitlines() if "ولبنان" in text)
        assert line.startswith("    ") and line.rstrip().endswith("ولبنان.")


def _lines(widget) -> str:
    return "\n".join(widget.render_line(y).text for y in range(widget.size.height))


async def test_the_demo_searched_in_arabic_script_reads_right_to_left(demo_desk, utc_clock) -> None:
    """The bundled demo has Arabic and Persian outlets: `/هنية` finds Haniyeh in both
    spellings, the Arabic report reads right-aligned, and its side panel lists the English
    coverage of the same killing."""
    from tui.app.widgets.side_panel import SidePanel
    from tui.demo.site import load_site

    desk, config = demo_desk
    site = load_site()
    arabic = next(a for a in site.articles if a.slug == "ightiyal-haniyeh-fi-tehran")
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"هنية", "enter")
        await until(pilot, lambda: len(listed_ids(app)) == 3)
        titles = {desk.article(aid).title: aid for aid in listed_ids(app)}
        lang_of = {a.title: a.lang for a in site.articles}
        assert sorted(lang_of[t] for t in titles) == ["ar", "fa", "fa"]  # هنیه: Persian yeh
        while main(app).articles.current.id != titles[arabic.title]:
            await pilot.press("j")
        await pilot.press("enter")
        body = app.screen.query_one("#reader-body")
        last = arabic.paragraphs[0].split()[-1]
        await until(pilot, lambda: last in _lines(body))
        line = next(text for text in _lines(body).splitlines() if last in text)
        assert line.startswith("    ") and line.rstrip().endswith(last)
        panel = app.screen.query_one(SidePanel)
        await until(pilot, lambda: len(panel.related) >= 3)
        english = {a.title for a in site.events()[arabic.event] if a.lang == "en"}
        assert english <= {item.title for item in panel.related}
