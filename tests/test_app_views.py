"""Pilot tests for views, search, filter, refresh, help, palette and remapped keys."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tests import test_app_support as support
from tests.test_app_support import SIZE, listed_ids, main, make_app, settle, status, until
from tests.test_app_support import note_text as note
from tui.app.screens.main import MainScreen
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.view_tree import ViewTree
from tui.core.config.loader import Config, load_config
from tui.core.desk import Desk
from tui.core.visual import visual_lines


async def test_tree_lists_views_tags_feeds(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tree = main(app).query_one(ViewTree)
        labels = [str(node.label) for node in tree._tree_nodes.values()]
        text = "\n".join(labels)
        for name in ("All", "Unread", "Saved", "Tags", "Feeds", "Stories", "Actors"):
            assert name in text
        for feed in desk.feeds():  # an Arabic or Persian name drawn in visual order
            name = visual_lines(feed.name, 1000)[0].text
            assert any(label.startswith(name) for label in labels)
        for tag, _ in desk.all_tags():
            assert any(label.startswith(tag) for label in labels)


async def test_choosing_a_feed_in_the_tree(demo_desk) -> None:
    desk, config = demo_desk
    feed = desk.feeds()[2].name
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab")
        tree = main(app).query_one(ViewTree)
        assert app.focused is tree
        for _ in range(80):
            node = tree.cursor_node
            if node is not None and node.data is not None and node.data.feed == feed:
                break
            await pilot.press("j")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.focused, ArticleList)
        assert main(app).view.feed == feed
        assert listed_ids(app) == desk.ids(main(app).view.query)
        assert all(row.feed == feed for _, row in main(app).articles.pager.cached())


async def test_saved_views_from_config(tmp_path, utc_clock) -> None:
    extra = '[[view]]\nname = "Iran watch"\nquery = "tag:iran"\n'
    path = support.copy_demo(tmp_path)
    path.write_text(path.read_text(encoding="utf-8") + "\n" + extra, encoding="utf-8")
    config = load_config(path)
    with Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            tree = main(app).query_one(ViewTree)
            node = next(n for n in tree._tree_nodes.values()
                        if n.data is not None and n.data.label == "Iran watch")
            tree.select_node(node)
            await settle(pilot)
            await asyncio.sleep(0.05)
            assert listed_ids(app) == desk.ids("tag:iran")


async def test_actor_and_story_views(demo_desk) -> None:
    desk, config = demo_desk
    if not (hasattr(desk, "top_actors") and hasattr(desk, "stories")):
        pytest.skip("the Desk has no actors/stories yet")
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tree = main(app).query_one(ViewTree)
        for kind in ("actor", "story"):
            nodes = [n for n in tree._tree_nodes.values()
                     if n.data is not None and n.data.kind == kind]
            if not nodes:
                continue
            tree.select_node(nodes[0])
            await pilot.pause()
            assert main(app).view == nodes[0].data
            assert listed_ids(app) == desk.ids(nodes[0].data.query)
            assert listed_ids(app)


async def test_slash_searches_full_text(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"treaty", "enter")
        await pilot.pause()
        expected = desk.ids("(is:unread) (treaty)")
        assert 0 < len(expected) < desk.count("is:unread")
        assert listed_ids(app) == expected
        assert "/treaty" in status(app)
        await pilot.press("slash", "ctrl+u", "enter")  # empty search clears
        await pilot.pause()
        assert len(listed_ids(app)) == desk.count("is:unread")


async def test_f_filters_and_reports_query_errors_with_column(demo_desk) -> None:
    from textual.widgets import Input

    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f", *"is:bogus", "enter")
        await pilot.pause()
        assert "column 4" in note(app)  # under the bar
        bar = main(app).query_one("#query-bar", Input)
        assert bar.display  # still open, to fix the query
        assert bar.cursor_position == 3  # at the error
        await pilot.press("end", "ctrl+u", *"tag:iran", "enter")
        await pilot.pause()
        assert not bar.display
        assert listed_ids(app) == desk.ids("(is:unread) (tag:iran)")
        await pilot.press("f", "escape")
        assert not bar.display


async def test_an_unclosed_quote_leaves_the_cursor_where_the_closing_one_goes(demo_desk) -> None:
    """The error says to add a closing quote after the phrase: the cursor waits at the end,
    so typing `"` and enter applies the search (on the opening quote, the `"` typed made
    `""ceasefire talks`, an empty phrase and the same error)."""
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *'"ceasefire talks', "enter")
        await pilot.pause()
        bar = main(app).query_bar
        assert "column 1" in note(app) and "unclosed quote" in note(app)
        assert bar.display and bar.cursor_position == len('"ceasefire talks')
        await pilot.press('quotation_mark', "enter")
        await pilot.pause()
        assert not bar.display, status(app)
        assert '/"ceasefire talks"' in status(app)


async def test_the_filter_bar_says_an_unknown_field_as_the_cli_does(demo_desk) -> None:
    """`date:` was searched as words (an empty list); the bar's error is the parser's, the
    cursor on the term, and the quoted form it suggests is accepted."""
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f", *"iran date:2024-08-05", "enter")
        await pilot.pause()
        said = note(app)  # under the bar, not on the status line too
        assert "column 6" in said and "unknown field 'date:'" in said
        assert "since:2024-08-05 before:2024-08-06" in said and "quote it" in said
        bar = main(app).query_bar
        assert bar.display and bar.cursor_position == 5
        await pilot.press("end", "ctrl+u", *'iran "date:2024-08-05"', "enter")
        await pilot.pause()
        assert not bar.display and "f:iran" in status(app)


async def test_e_lists_feeds_with_errors(demo_desk) -> None:
    from textual.widgets import DataTable

    from tui.app.screens.feeds import FeedsScreen

    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, FeedsScreen)
        assert app.screen.query_one(DataTable).row_count == len(desk.feeds())
        await pilot.press("q")
        assert isinstance(app.screen, MainScreen)


async def test_enter_in_the_feeds_dialog_lists_that_feeds_articles(demo_desk) -> None:
    """As newsboat's feed list: `e`, a feed, `enter` shows its articles (it did nothing)."""
    from tui.app.screens.feeds import FeedsScreen

    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, FeedsScreen))
        chosen = app.screen.feeds[2].name
        await pilot.press("j", "j", "enter")
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await until(pilot, lambda: main(app).view.feed == chosen)
        assert main(app).view.kind == "feed"
        listed = {desk.article(row.id).feed for _, row in main(app).articles.pager.rows(0, 5)}
        assert listed == {chosen}, listed


async def test_help_lists_every_command(demo_desk) -> None:
    from tests.test_app_newsboat_keys import rendered
    from tui.app.commands import BY_NAME
    from tui.app.screens.help import HelpScreen
    from tui.app.screens.help_table import GROUPS

    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = rendered(app.screen.query_one("#help-text").content)
        assert all(f" {BY_NAME[name].title} " in text  # every command, in its group
                   for _, members in GROUPS for name in members)
        await pilot.press("q")
        assert isinstance(app.screen, MainScreen)


async def test_palette_runs_commands(demo_desk) -> None:
    from textual.command import CommandPalette
    from textual.widgets import OptionList

    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        row = main(app).articles.current
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"Save (s)")
        options = app.screen.query_one(OptionList)
        for _ in range(50):  # the palette searches asynchronously
            await pilot.pause(0.05)
            if options.option_count and options.highlighted is not None:
                break
        assert "Save" in str(options.get_option_at_index(options.highlighted).prompt)
        await pilot.press("enter")
        await pilot.pause()
        assert desk.article(row.id).saved


def _demo_with_keys(tmp_path: Path, keys: str) -> Config:
    """The demo's config with a [keys] table appended."""
    path = support.copy_demo(tmp_path)
    path.write_text(path.read_text(encoding="utf-8") + f"\n[keys]\n{keys}\n", encoding="utf-8")
    return load_config(path)


async def test_keys_remap_from_config(tmp_path, utc_clock) -> None:
    config = _demo_with_keys(tmp_path, 'toggle_saved = "w"')
    with Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            row = main(app).articles.current
            await pilot.press("s")
            assert not desk.article(row.id).saved
            await pilot.press("w")
            assert desk.article(row.id).saved


async def test_a_key_taken_from_another_command_is_said(tmp_path, utc_clock) -> None:
    """`toggle_saved = "t"` takes Tag's key: Textual runs one of the two, so the user hears
    which key clashes rather than finding Tag gone."""
    from tui.app.commands import clashes

    assert clashes({}) == []  # the defaults never clash
    config = _demo_with_keys(tmp_path, 'toggle_saved = "t"')
    with Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            said = [n.message for n in app._notifications]
            assert any("t is the key of toggle_saved and add_tags" in m for m in said), said


async def test_untrusted_text_is_shown_literally(demo_desk) -> None:
    desk, config = demo_desk
    row = desk.articles("is:unread", limit=1)[0]
    desk.add_tags([row.id], ["[red]x[/red]"])
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await settle(pilot)
        tree = main(app).query_one(ViewTree)
        assert any(str(n.label).startswith("[red]x[/red]") for n in tree._tree_nodes.values())
        header = str(main(app).query_one("#reader-header").render())
        assert "#[red]x[/red]" in header


async def test_tree_counts_follow_changes(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tree = main(app).query_one(ViewTree)

        def label(kind: str) -> str:
            return next(str(n.label) for n in tree._tree_nodes.values()
                        if n.data is not None and n.data.kind == kind)

        unread, total = desk.count("is:unread"), desk.count("")
        assert label("unread") == f"Unread {unread}/{unread}"  # unread/total, as newsboat
        assert label("all") == f"All {unread}/{total}"
        await pilot.press("s", "enter")  # save and open (marks read)
        await pilot.pause(0.8)
        await settle(pilot)
        assert label("unread") == f"Unread {unread - 1}/{unread - 1}"
        assert label("saved") == "Saved 0/1"  # the one saved is read
        # a recount's thread cannot be stopped: one started before the last that lands after
        # it (a loaded machine, a refresh's end) leaves the newer counts shown
        from tui.app.views import load_groups

        stale = load_groups(desk, config)
        desk.set_saved(main(app).articles.current.id, False)
        tree.recount()
        await until(pilot, lambda: label("saved") == "Saved 0/0")
        tree._counted(tree._asked - 1, stale)
        assert label("saved") == "Saved 0/0"


def test_pager_keeps_places_when_rows_leave_the_view(demo_desk) -> None:
    from tui.app.paging import Pager

    desk, _config = demo_desk
    original = desk.ids("is:unread")
    pager = Pager(desk, "is:unread", page=5)
    for index in range(7):  # read the first 7 while walking the list
        assert pager.row(index).id == original[index]
        desk.set_read([original[index]], True)
        pager.update(index, read=True)
    assert len(pager) == len(original)
    assert [row.id for _, row in pager.rows(0, len(pager))] == original
    pager.soft_reload()  # a refresh that brought nothing new keeps the read rows
    assert [row.id for _, row in pager.rows(0, len(pager))] == original
    pager.reload()
    assert [row.id for _, row in pager.rows(0, len(pager))] == original[7:]


def test_app_package_import_is_lazy() -> None:
    import subprocess
    import sys

    code = "import sys, tui.app; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[1], check=True).stdout
    assert out.strip() == "False"


async def test_a_recount_keeps_the_trees_folds_and_cursor(demo_desk) -> None:
    """Counts land ~0.4 s after a key: a fold or a cursor move made meanwhile must stay, both
    when only counts change and when a new tag changes the tree's lines."""
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tree = main(app).query_one(ViewTree)
        tags = next(n for n in tree.root.children if str(n.label) == "Tags")
        feeds = next(n for n in tree.root.children if str(n.label) == "Feeds")
        tags.collapse()
        tree.select_view(feeds.children[1].data)
        chosen = tree.cursor_node.data
        before = str(feeds.children[1].label)

        desk.set_read(desk.ids(chosen.query))  # counts only
        tree.recount()
        await settle(pilot)
        assert str(tree.cursor_node.label) != before  # relabelled: the counts changed
        assert tree.cursor_node.data == chosen
        assert not next(n for n in tree.root.children if str(n.label) == "Tags").is_expanded

        desk.add_tags(desk.ids("")[:1], ["zz-new-tag"])  # a new line: the tree is rebuilt
        tree.recount()
        await settle(pilot)
        tags = next(n for n in tree.root.children if str(n.label) == "Tags")
        assert any(str(c.label).startswith("zz-new-tag") for c in tags.children)
        assert not tags.is_expanded
        assert tree.cursor_node.data == chosen
