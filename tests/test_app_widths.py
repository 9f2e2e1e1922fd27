"""What a reader sees of the list at each terminal width (Pilot, on the demo cache): while an
article is open beside the list, its headlines stay readable, and asking for the view tree
(`1`) does not squeeze the text off its measure."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.test_app_support import main, make_app, pressed, settle
from tui.app.widgets.row_time import short_time
from tui.core.visual import visual_lines


def measure(app) -> int:
    """The width the article's lines get."""
    return main(app).reader.query_one("#reader-body").size.width


def visible_rows(app) -> list[str]:
    articles = main(app).articles
    return [articles.render_line(y).text for y in range(articles.size.height)]


@pytest.mark.parametrize("size", [(160, 45), (200, 50)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_list_keeps_its_headlines_beside_the_reader(demo_desk, size) -> None:
    async with pressed(demo_desk, size, "j", "j", "enter") as (app, _pilot):
        screen = main(app)
        assert screen.arranger.layout.mode == "side"
        pager = screen.articles.pager
        rows = visible_rows(app)
        for index, line in enumerate(rows[:10]):
            title = pager.row(index).title
            head = title[:title.find(" ", 25)]  # whole words: Arabic joins inside a word
            # a headline, not its first words; drawn in visual order when Arabic or Persian
            assert visual_lines(head, 1000)[0].text in line, (title, line)
        assert measure(app) >= 70  # the text keeps a reading measure


async def test_asking_for_the_tree_keeps_the_text_and_the_headlines(demo_desk) -> None:
    async with pressed(demo_desk, (160, 45), "enter", "1") as (app, pilot):
        screen = main(app)
        assert screen.view_tree.display and app.focused is screen.view_tree
        assert measure(app) >= 70  # was 48: every pane squeezed
        assert screen.articles.size.width >= 50
        assert not screen.reader.side.display  # the side panel makes way while it is used
        await pilot.press("2")  # back to the list: the side panel returns
        await settle(pilot)
        assert screen.reader.side.display and not screen.view_tree.display


def test_a_compact_list_dates_like_ls() -> None:
    now = datetime(2025, 3, 10, 18, 0, tzinfo=UTC)
    assert short_time(datetime(2025, 3, 10, 9, 5, tzinfo=UTC), now) == "09:05 "
    assert short_time(datetime(2025, 1, 8, 9, 5, tzinfo=UTC), now) == "Jan  8"
    assert short_time(datetime(2024, 12, 26, tzinfo=UTC), now) == "Dec 26"  # last December
    assert short_time(datetime(2024, 5, 26, tzinfo=UTC), now) == "May'24"  # an old one


async def test_the_status_line_says_how_much_of_the_article_is_below(demo_desk) -> None:
    """At 80x24 the reader takes the screen and its scrollbar is the only other sign that
    the text goes on: the status line says so, as the help screen does."""
    from tests.test_app_panes import longest
    from tests.test_app_support import status

    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*["j"] * longest(desk), "enter")
        await settle(pilot)
        assert status(app).rstrip().endswith("% · ↓ space: more below"), status(app)
        first = status(app)
        await pilot.press("space")
        await settle(pilot)
        assert status(app) != first  # further down, or at the end
        await pilot.press("G")
        await settle(pilot)
        assert status(app).rstrip().endswith("end · space: next unread"), status(app)
        await pilot.press("q")  # back to the list: nothing about a reader
        await settle(pilot)
        assert "space:" not in status(app)


async def test_an_article_that_fits_says_end_at_once(demo_desk) -> None:
    """The shortest article on a tall terminal fits whole: `space` goes to the next unread
    one, and the status line says so at once (it said nothing)."""
    from tests.test_app_support import status

    desk, config = demo_desk
    ids = desk.ids("is:unread")
    shortest = min(range(len(ids)), key=lambda i: len(desk.article(ids[i]).body or ""))
    app = make_app(desk, config)
    async with app.run_test(size=(120, 60)) as pilot:
        await settle(pilot)
        await pilot.press(*["j"] * shortest, "enter")
        await settle(pilot)
        assert status(app).rstrip().endswith("end · space: next unread"), status(app)


async def test_a_short_article_opened_again_in_a_closed_reader_says_end(demo_desk) -> None:
    """The reader closed over one short article, then another opened: the pane comes back at
    the size it had and the text's size is the same, so neither watched value changes, and
    the status line's word came from a look taken before the pane was laid out again (here
    forced by opening inside a batch, as Textual may run the after-refresh look first)."""
    from tests.test_app_support import status

    desk, config = demo_desk
    first, second = desk.ids("is:unread")[:2]
    app = make_app(desk, config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main(app)
        screen.reading.open(first, None)
        await settle(pilot)
        assert status(app).rstrip().endswith("end · space: next unread"), status(app)
        await pilot.press("q")
        await settle(pilot)
        assert "space:" not in status(app)
        with app.batch_update():
            screen.reading.open(second, None)
            await pilot.pause()
        await settle(pilot)
        assert status(app).rstrip().endswith("end · space: next unread"), status(app)
