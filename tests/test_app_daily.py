"""Pilot tests for a day of triage (issue 17): triage on the article in hand with one undo
stack, hiding read articles, search and filter cleared with one key, export and saved views
from the app, messages that expire, the footer and help screen at 80 columns. Real demo
cache, real feeds.toml."""

from __future__ import annotations

from pathlib import Path

from tests import test_app_support as support
from tests.test_app_support import SIZE, listed_ids, main, make_app, settle, status, until
from tui.app.views import UNREAD, ViewGroups
from tui.app.widgets.status import KeyFooter


def flags(desk, article_id: int) -> tuple[bool, bool, bool, tuple[str, ...]]:
    article = desk.article(article_id)
    return article.read, article.saved, article.dismissed, article.tags


async def test_u_takes_back_every_triage_action_last_first(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        first = main(app).articles.current
        before = flags(desk, first.id)
        unread = desk.count("is:unread")
        await pilot.press("N", "s", "t")  # read, saved, then tagged
        await pilot.pause()
        assert f"#{first.id} " in str(app.screen.query_one("#tag-article").render())
        await pilot.press(*"daily", "enter")
        await pilot.pause()
        await pilot.press("T")  # the dialog names its article too
        await pilot.pause()
        assert f"#{first.id} " in str(app.screen.query_one("#tag-article").render())
        await pilot.press("escape")
        await pilot.pause()
        assert flags(desk, first.id)[:2] == (True, True) and "daily" in desk.article(first.id).tags
        await pilot.press("j", "x", "A")  # dismiss the next, then the whole view read
        await pilot.pause()
        assert desk.count("is:unread") == 0
        await pilot.press("u")  # the view
        assert desk.count("is:unread") == unread - 2
        await pilot.press("u")  # the dismiss
        assert desk.count("is:unread") == unread - 1
        await pilot.press("u", "u")  # the tag, then the save
        assert "daily" not in desk.article(first.id).tags and not desk.article(first.id).saved
        await pilot.press("u")  # the read
        assert flags(desk, first.id) == before
        await pilot.press("u")
        assert "nothing to undo" in status(app)


async def test_untagging_is_undone_too(demo_desk) -> None:
    desk, config = demo_desk
    row = desk.articles("is:unread", limit=1)[0]
    desk.add_tags([row.id], ["keep"])
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        assert main(app).articles.current.id == row.id
        await pilot.press("T")
        await pilot.pause()
        for _ in range(sorted((*row.tags, "keep")).index("keep")):  # the tags, in order
            await pilot.press("j")
        await pilot.press("enter")
        await pilot.pause()
        assert "keep" not in desk.article(row.id).tags
        await pilot.press("u")
        assert "keep" in desk.article(row.id).tags
        assert "#keep" in str(main(app).articles.render_line(0).text)


async def test_the_reader_header_names_the_article_id(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        row = main(app).articles.current
        assert f"id {row.id}" in str(app.screen.query_one("#reader-header").render())


async def test_l_hides_read_articles_and_the_setting_starts_hidden(tmp_path) -> None:
    from tui.core.config.loader import load_config
    from tui.core.desk import Desk

    config = load_config(support.copy_demo(tmp_path, "hide_read = true"))
    with support.utc_clock(), Desk.open(config) as desk:
        desk.set_read(desk.ids()[:3], True)
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert main(app).view.label == "Unread"
            await pilot.press("1")  # the tree: All
            await pilot.press("g", "enter")
            await pilot.pause()
            assert listed_ids(app) == desk.ids("is:unread")  # All, read ones hidden
            assert "read hidden" in status(app)
            await pilot.press("l")
            assert listed_ids(app) == desk.ids("")
            assert "read articles shown" in status(app)


async def test_slash_starts_empty_and_c_clears_search_and_filter(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        await pilot.press(*"tag:iran", "enter")
        await pilot.press("slash")
        await pilot.press(*"treaty", "enter")
        await pilot.pause()
        assert main(app).search_text == "treaty" and main(app).filter_query == "tag:iran"
        await pilot.press("slash")
        await pilot.pause()
        assert main(app).query_bar.value == ""  # a new search, not the last one to edit
        await pilot.press("escape", "c")
        await pilot.pause()
        assert main(app).search_text == main(app).filter_query == ""
        assert listed_ids(app) == desk.ids(UNREAD.query)
        assert "search and filter cleared" in status(app)


async def test_E_exports_the_list_and_V_saves_it_as_a_view(tmp_path) -> None:
    from tui.core.config.loader import load_config
    from tui.core.desk import Desk

    path = support.copy_demo(tmp_path / "demo")
    config = load_config(path)
    target = tmp_path / "out" / "iran.md"
    with support.utc_clock(), Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f")
            await pilot.press(*"tag:iran", "enter")
            await pilot.press("E")
            await pilot.pause()
            field = app.screen.query_one("#dialog-input")
            field.value = str(target.with_suffix(""))
            await pilot.press("tab", "down")  # the second format: html, and the path says so
            await pilot.pause()
            assert field.value == str(target.with_suffix(".html"))
            await pilot.press("enter")
            await settle(pilot)
            written = target.with_suffix(".html")
            assert written.exists() and "<html" in written.read_text(encoding="utf-8").lower()
            assert f"exported {desk.count('(is:unread) (tag:iran)')} articles" in status(app)
            await pilot.press("V")
            await pilot.pause()
            await pilot.press(*"Iran unread", "enter")
            await settle(pilot)
            assert 'name = "Iran unread"' in path.read_text(encoding="utf-8")
            assert load_config(path).views[-1].query == "is:unread tag:iran"
            assert main(app).view.label == "Iran unread" and not main(app).filter_query
            labels = [str(n.label) for n in main(app).view_tree._tree_nodes.values()]
            assert any(label.startswith("Iran unread ") for label in labels)


async def test_messages_expire_and_go_with_the_view(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        main(app).status_line.say("short-lived", seconds=0.2)
        assert "short-lived" in status(app)
        await until(pilot, lambda: "short-lived" not in status(app), 10)  # slow under load
        await pilot.press("s")
        assert "saved" in status(app)
        await pilot.press("1", "g", "enter")  # another view: the message goes
        await pilot.pause()
        assert "saved" not in status(app)


async def test_footer_keeps_help_and_the_help_screen_says_it_scrolls(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(80, 24)) as pilot:
        footer = str(app.screen.query_one(KeyFooter).render())
        assert footer.rstrip().endswith("? Help") and footer.startswith("q Quit")
        await pilot.press("question_mark")
        await pilot.pause()
        box = app.screen.query_one("#help-box")
        assert "more below" in str(box.border_subtitle)
        await pilot.press("space")
        await pilot.pause()
        assert "lines 1-" not in str(box.border_subtitle)
        await pilot.press("g")  # back to the top, then a window half as tall: fewer lines show
        await pilot.pause()
        before = str(box.border_subtitle)
        await pilot.resize_terminal(80, 16)
        await until(pilot, lambda: str(box.border_subtitle) != before, 5)
        shown = str(box.border_subtitle).split(" of ")[0].removeprefix("lines ")
        low, high = map(int, shown.split("-"))
        assert high - low + 1 <= 16


async def test_capped_tree_groups_say_how_many_more(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tree = main(app).view_tree
        groups = ViewGroups([], [], [], [], [], [], stories_more=3, actors_more=12)
        tree.fill(groups)
        labels = [str(n.label) for n in tree._tree_nodes.values()]
        assert any(label.startswith("… 3 more") for label in labels)
        assert any(label.startswith("… 12 more") for label in labels)


def test_newsdesk_actors_says_how_many_more(demo_desk) -> None:
    """On stderr, as `list` does: stdout stays the data. A limit given is said only on a
    terminal (tests/test_cli_limits.py); the default's cut is said into a pipe too."""
    import subprocess
    import sys

    desk, config = demo_desk
    total = len(desk.top_actors(days=None, limit=10_000))
    out = subprocess.run([sys.executable, "-m", "tui", "--config", str(config.path), "actors",
                          "--limit", "3"], capture_output=True, text=True, timeout=60)
    assert len(out.stdout.splitlines()) == 3 and out.stderr == ""
    default = subprocess.run([sys.executable, "-m", "tui", "--config", str(config.path),
                              "actors"], capture_output=True, text=True, timeout=60)
    assert default.stderr == f"newsdesk: 50 of {total} shown; --limit 0 lists all\n"


def test_text_width_is_checked(tmp_path: Path) -> None:
    import pytest

    from tests.conftest import write_config
    from tui.core.config.loader import ConfigError, load_config

    assert load_config(write_config(tmp_path, [], settings="text_width = 72")) \
        .settings.text_width == 72
    with pytest.raises(ConfigError, match="text_width"):
        load_config(write_config(tmp_path, [], settings="text_width = 5"))


async def test_the_help_screen_found_says_what_the_found_lines_leave(demo_desk) -> None:
    """`?`, `/yank` at 80x24: one command is left and fits, but the border still said
    "lines 1-19 of 144 · ↓ j/space: more below" of the whole table; esc shows all again."""
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        box = app.screen.query_one("#help-box")
        assert "more below" in str(box.border_subtitle)
        await pilot.press("slash", *"yank")
        await until(pilot, lambda: str(box.border_subtitle) == "q closes", 5)
        await pilot.press("escape")
        await until(pilot, lambda: "more below" in str(box.border_subtitle), 5)
