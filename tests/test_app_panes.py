"""Pilot tests for the panes: each moves its own cursor and opens what is under it; the list
keeps its selection in sight; keys typed faster than the screen redraws still land where the
focus is. Against a real demo cache."""

from __future__ import annotations

from textual import events

from tests.test_app_support import SIZE, main, make_app, settle, status
from tui.app.widgets.reader import ArticleText, Reader
from tui.app.widgets.view_tree import ViewTree


def longest(desk) -> int:
    """Where the longest unread article is in Unread (it overflows the reader anywhere)."""
    ids = desk.ids("is:unread")
    return max(range(len(ids)), key=lambda i: len(desk.article(ids[i]).body or ""))


async def test_the_selection_stays_in_sight_when_the_reader_opens(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*["j"] * 30, "enter")
        await pilot.pause()
        articles = main(app).articles
        height = articles.scrollable_content_region.height
        assert height < 15  # the reader took most of the screen
        assert articles.scroll_y <= articles.cursor < articles.scroll_y + height


async def test_fast_tabs_show_the_tree_they_reach(demo_desk) -> None:
    """Focus events bubble up from different depths: the reader's may arrive after the
    tree's, and the tree must not stay hidden while it has the focus."""
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "tab")
        assert isinstance(app.focused, ArticleText)
        for _ in range(3):  # actors, related, views: in one burst, as a terminal sends them
            app.post_message(events.Key("tab", "\t"))
        for _ in range(50):  # every focus event has reached the screen (slow under load)
            await pilot.pause(0.1)
            if isinstance(app.focused, ViewTree) and app.screen.has_class("-show-views"):
                break
        assert isinstance(app.focused, ViewTree)
        assert app.screen.has_class("-show-views")


async def test_each_pane_moves_its_own_cursor(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    at = longest(desk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*["j"] * at, "enter", "tab")
        reader = app.screen.query_one(Reader)
        text = reader.scroller
        assert app.focused is text
        await pilot.press("G")
        assert text.scroll_y == text.max_scroll_y > 0
        await pilot.press("k")
        assert text.scroll_y == text.max_scroll_y - 1
        await pilot.press("g")
        assert text.scroll_y == 0
        assert main(app).articles.cursor == at  # the list did not move
        await pilot.press("tab")
        actors = reader.side.actor_list
        assert app.focused is actors and actors.highlighted == 0
        await pilot.press("G")
        assert actors.highlighted == actors.option_count - 1
        await pilot.press("g", "j")
        assert actors.highlighted == 1


async def test_enter_in_the_text_opens_its_article_again(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "enter", "tab", "G")
        reader = app.screen.query_one(Reader)
        shown = reader.article.id
        await pilot.press("enter")
        await pilot.pause()
        assert reader.article.id == shown == main(app).articles.current.id
        assert reader.scroller.scroll_y == 0
        assert "not in this view" not in status(app)


async def test_saving_while_reading_keeps_the_reader_where_it_was(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*["j"] * longest(desk), "enter", "tab", "G")
        reader = app.screen.query_one(Reader)
        bottom = reader.scroller.scroll_y
        assert bottom > 0
        await pilot.press("s")
        await pilot.pause()
        assert "★ saved" in str(app.screen.query_one("#reader-header").render())
        assert reader.scroller.scroll_y == bottom


async def test_a_burst_after_f_is_typed_into_the_bar(demo_desk) -> None:
    """A terminal sends `f is:unread` as one burst: every key after the `f` is text, even the
    ones that reached the list before the bar opened (they must not save the article, nor be
    selected and overwritten when the bar's focus event lands)."""
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        saved_before = desk.count("is:saved")
        for key, char in [("f", "f"), ("i", "i"), ("s", "s"), ("colon", ":"),
                          ("u", "u"), ("n", "n")]:
            app.post_message(events.Key(key, char))
        bar = main(app).query_bar
        for _ in range(50):
            await pilot.pause(0.05)
            if bar.value == "is:un":
                break
        assert bar.value == "is:un"
        assert bar.cursor_position == len("is:un")
        assert desk.count("is:saved") == saved_before


async def test_f_opens_the_filter_to_edit_not_to_replace(demo_desk) -> None:
    """The bar's text is not selected when it gets the focus: a focus event landing after the
    first typed keys would select them, and the next key would replace them."""
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f", *"is:unread", "enter")
        await pilot.press("f")
        bar = main(app).query_bar
        assert bar.value == "is:unread"
        assert bar.selection.is_empty and bar.cursor_position == len("is:unread")
        await pilot.press("space", *"tag:x")
        assert bar.value == "is:unread tag:x"


def test_reader_says_where_a_feed_text_came_from_and_why() -> None:
    """Not the store's words ("feed-content"): what the text is, and why the page's is not."""
    from dataclasses import replace
    from datetime import UTC, datetime

    from tui.app.widgets.reader_text import source_note
    from tui.core.models import Article

    base = Article(1, "t", "http://x/a", "F", datetime(2024, 8, 5, tzinfo=UTC), False, False,
                   False, (), None, "body", "page", None, "en", ("F",))
    assert source_note(base) == ""
    cut = replace(base, extract_error="page was cut off at the size limit")
    assert source_note(cut) == "the article's page: page was cut off at the size limit"
    feed = replace(base, body_source="feed-content", extract_error="the server answered 404")
    assert source_note(feed) == ("text from the feed's full text; the article's page: the "
                                 "server answered 404")
    assert source_note(replace(feed, page_due=True)).endswith("fetching the article's page…")
    assert source_note(replace(base, body_source="summary")) == "text from the feed's summary"


def test_the_reader_lays_out_a_bounded_text_and_title() -> None:
    """A 3 MB feed item froze the app for 14 s while Rich laid it out: the reader shows the
    first ~100,000 characters, cut at a paragraph, and says how to read the rest."""
    from dataclasses import replace
    from datetime import UTC, datetime

    from tui.app.widgets.reader_text import READER_MAX_CHARS, article_text, shown_body, shown_title
    from tui.core.models import Article

    paragraph = "Talks in Doha went on through the night, officials said. " * 20
    huge = "\n\n".join([paragraph] * 3000)
    shown, rest = shown_body(huge)
    assert len(shown) <= READER_MAX_CHARS and shown.endswith("said.")
    assert rest > len(huge) - READER_MAX_CHARS - 1
    assert shown_body("short") == ("short", 0)
    assert shown_title("x" * 3000).endswith("…") and len(shown_title("x" * 3000)) == 300
    assert shown_title("") == "(untitled)"
    article = Article(329, "t" * 3000, "http://x/a", "F", datetime(2024, 8, 5, tzinfo=UTC),
                      False, False, False, (), None, huge, "feed-content", None, "en", ("F",))
    header, body = article_text(replace(article))
    assert len(header.plain) < 500
    assert body.plain.count("Talks in Doha") < 2000
    assert "more characters, too long to lay out here: `newsdesk show 329`" in body.plain
