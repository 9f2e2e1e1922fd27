# ruff: noqa: RUF002  (Russian and Persian text is the point here)
"""Pilot on the demo: `/` typed as readers type it. партнерстве (е) lists the Russian reports
that write партнёрстве and marks that word in the text; 180 finds the Persian ۱۸۰ too;
a guillemet pasted with a word searches the word."""

from __future__ import annotations

from tests.test_app_search_marks import marked
from tests.test_app_support import SIZE, listed_ids, main, make_app, settle, status, until


def with_text(desk, word: str) -> set[int]:
    every = desk.articles("", limit=1000)
    return {a.id for a in every if word in a.title or word in (desk.article(a.id).body or "")}


async def test_slash_finds_yo_typed_as_ye_and_marks_it(demo_desk) -> None:
    desk, config = demo_desk
    written = with_text(desk, "партнёрстве")
    assert written and not with_text(desk, "партнерстве")
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"партнерстве", "enter")
        await until(pilot, lambda: set(listed_ids(app)) == written)
        assert "No articles match" not in status(app)
        await pilot.press("enter")
        await settle(pilot)
        assert main(app).reader.article.id in written
        assert set(marked(app, "body")) | set(marked(app, "header")) == {"партнёрстве"}


async def test_slash_finds_a_number_in_every_digit_system(demo_desk) -> None:
    desk, config = demo_desk
    both = with_text(desk, "180") | with_text(desk, "۱۸۰")
    assert with_text(desk, "180") and with_text(desk, "۱۸۰")
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"180", "enter")
        await until(pilot, lambda: set(listed_ids(app)) == both)
        await pilot.press("slash", "ctrl+u", *"«وعده", "enter")
        await until(pilot, lambda: set(listed_ids(app)) == with_text(desk, "وعده"))
        assert "unclosed" not in status(app)
