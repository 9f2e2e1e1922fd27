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
from tui.core.visual import visual_lines


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
        assert "/" + drawn("لبنان") in status(app)  # drawn as the list's titles are
        await pilot.press("slash", "ctrl+u", *"كتاب", "enter")  # Arabic kaf for Persian ک
        await until(pilot, lambda: titles(desk, listed_ids(app)) == [KABUL])
        await pilot.press("slash", "ctrl+u", *"کابل رفت", "enter")
        await until(pilot, lambda: "/" + drawn("کابل رفت") in status(app))
        assert "کابل رفت" not in status(app)  # not in stored order: its words swapped


async def test_the_reader_draws_arabic_right_to_left_in_visual_order(arabic_desk) -> None:
    """A terminal without bidi (tmux, xterm) gets each line reordered and shaped, right-aligned:
    the paragraph's first word at the right edge, its last at the left of its last line; the
    search hit and the title too. The stored text stays as it was."""
    desk, config = arabic_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"لبنان", "enter")
        await until(pilot, lambda: len(listed_ids(app)) == 1)
        await pilot.press("enter")
        body = app.screen.query_one("#reader-body")
        last = drawn("ولبنان.")
        await until(pilot, lambda: last in _lines(body))
        lines = [text for text in _lines(body).splitlines() if text.strip()]
        assert lines[0].rstrip().endswith(drawn("وناقشا"))
        header = _lines(app.screen.query_one("#reader-header")).splitlines()
        # the title right-aligned too, its words in visual order
        assert header[0].startswith("    ") and header[0].rstrip().endswith(drawn(MEETING))
        closing = next(text for text in lines if last in text)
        assert closing.startswith("    ") and closing.strip().startswith(last)
        assert "ولبنان" not in _lines(body)  # nothing drawn in logical order
        hit = _styled_cells(body, drawn("ولبنان"))
        assert hit and all(style.bgcolor is not None or style.reverse for style in hit)
        assert desk.article(listed_ids(app)[0]).body.endswith("ولبنان.")


async def test_a_terminal_that_does_bidi_gets_logical_text_right_aligned(
        server: LocalServer, tmp_path: Path, utc_clock: None, monkeypatch) -> None:
    """GNOME Terminal (VTE_VERSION) reorders and shapes on its own: the reader sends the text as
    stored, each right-to-left line right-aligned and led by a right-to-left mark, the title
    too, so nothing is reordered twice."""
    monkeypatch.setenv("VTE_VERSION", "7600")
    config = load_config(Path(fetched_feed(server, tmp_path, ITEMS)))
    with Desk.open(config) as desk:
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
            assert line.strip() == "\u200f" + ITEMS[0]["description"]
            header = _lines(app.screen.query_one("#reader-header")).splitlines()
            assert header[0].startswith("    ") and header[0].rstrip().endswith(MEETING)


def drawn(text: str) -> str:
    return visual_lines(text, 1000, rtl=True)[0].text


def _styled_cells(widget, text: str) -> list:
    """The styles of the cells that draw `text` on the widget's lines."""
    for y in range(widget.size.height):
        strip = widget.render_line(y)
        plain = strip.text
        at = plain.find(text)
        if at < 0:
            continue
        styles, x = [], 0
        for segment in strip:
            for _char in segment.text:
                if at <= x < at + len(text):
                    styles.append(segment.style)
                x += 1
        return styles
    return []


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
        last = drawn(arabic.paragraphs[0].split()[-1])
        await until(pilot, lambda: last in _lines(body))
        line = next(text for text in _lines(body).splitlines() if last in text)
        assert line.startswith("    ") and line.strip().startswith(last)
        panel = app.screen.query_one(SidePanel)
        await until(pilot, lambda: len(panel.related) >= 3)
        english = {a.title for a in site.events()[arabic.event] if a.lang == "en"}
        assert english <= {item.title for item in panel.related}
