"""The headline gets its width first in the list; tags get what it leaves (whole tags, then
"+N", or a count), so a wider terminal never shows a shorter headline."""

from __future__ import annotations

import pytest

from tests.test_app_support import main, make_app, settle
from tui.app.widgets.tag_column import tag_column
from tui.core.visual import has_rtl, visual_lines


def test_tags_take_what_the_headline_leaves() -> None:
    tags = ("armed-groups", "gulf", "news")
    assert tag_column(tags, 40).plain == "#armed-groups #gulf #news"
    assert tag_column(tags, 20).plain == "#armed-groups +2"
    assert tag_column(tags, 12).plain == "#gulf +2"
    assert tag_column(tags, 7).plain == "3 tags"
    assert tag_column(tags, 5).plain == ""
    assert tag_column((), 40).plain == ""


@pytest.mark.parametrize(("size", "reader"), [((80, 24), False), ((200, 50), True)])
async def test_headlines_keep_their_width_beside_the_tags(demo_desk, size, reader) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        if reader:
            await pilot.press("enter")
            await settle(pilot)
        articles = main(app).articles
        assert articles.scrollable_content_region.width < 90  # the narrow row: 26 columns lead
        for y in range(8):
            row = articles.pager.row(y)
            line = "".join(segment.text for segment in articles.render_line(y)).rstrip()
            shown = line[26:]
            if has_rtl(row.title):  # drawn in visual order: the cut end is at the left
                whole = visual_lines(row.title, 1000)[0].text
                if not shown.startswith(whole):
                    assert shown.startswith("…") and len(shown) >= 50, line
                    assert " ".join(shown[1:].split()[1:]) in whole, line  # the cut word aside
                continue
            if not shown.startswith(row.title):  # cut: then by the edge, not by tags
                assert shown.endswith("…") and len(shown) >= 50, line
                assert row.title.startswith(shown[:-1]), line


def test_a_tag_that_fits_is_shown_before_one_that_does_not() -> None:
    assert tag_column(("armed-groups", "keep", "levant", "news"), 11).plain == "#keep +3"


async def test_a_cut_headline_keeps_the_feeds_tags_room(demo_desk) -> None:
    """A rule's tag (#armed-groups) shows beside a headline cut at 50 columns; the tags its
    feed gives every article (#levant #news) are a "+2", their columns the headline's."""
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        articles = main(app).articles
        feed_tags = {tag for feed in config.feeds for tag in feed.tags}
        seen = 0
        for y in range(40):
            row = articles.pager.row(y)
            if row is None or has_rtl(row.title) or not row.tags:
                continue
            line = "".join(segment.text for segment in articles.render_line(y)).rstrip()
            if row.title in line:
                continue
            seen += 1
            shown = line[line.index(row.title[:20]):].split("… ", 1)[1].split()
            assert not feed_tags & {tag.lstrip("#") for tag in shown}, line
        assert seen
