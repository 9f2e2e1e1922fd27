"""The reader marks the words the `/` search matched, in the title and the body, over the
actors' colours (newsboat highlights search matches); clearing the search clears them."""

from __future__ import annotations

import re

from tests.test_app_support import SIZE, listed_ids, main, make_app, settle


def marked(app, part: str) -> list[str]:
    """The stretches of the reader's header or body drawn in the search's style."""
    reader = main(app).reader
    text = app.screen.query_one(f"#reader-{part}").content
    style = reader.style_of("match")
    assert style is not None and style.bgcolor is not None
    return [text.plain[s.start:s.end] for s in text.spans if s.style == style]


async def test_the_searched_words_are_marked_in_the_article(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"putin treat*", "enter")
        await settle(pilot)
        first = listed_ids(app)[0]
        article = desk.article(first)
        await pilot.press("enter")
        await settle(pilot)
        assert main(app).reader.article.id == first
        body = marked(app, "body")
        words = re.findall(r"(?i)\bputin\b|\btreat\w*", article.body)
        assert body == words and body
        assert marked(app, "header") == re.findall(r"(?i)\bputin\b|\btreat\w*", article.title)
        putin = next(a for a in desk.actors_of(first) if a.name.endswith("Putin"))
        _field, start, end = next(span for span in putin.spans if span[0] == "body")
        text = app.screen.query_one("#reader-body").content
        styles = {s.style for s in text.spans if s.start <= start and end <= s.end}
        assert main(app).reader.style_of(putin.kind) in styles  # the actor's colour stays
        await pilot.press("c")
        await settle(pilot)
        assert marked(app, "body") == []
