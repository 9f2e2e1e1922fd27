"""Pilot tests for the article's context: actor highlighting, the side panel (actors,
related), actor timelines, gazetteer edits with re-analysis, story stepping, and the
Stories / Actors views of the tree. All against a real demo cache."""

from __future__ import annotations

from typing import Any

from tests import test_app_support as support
from tests.test_app_support import SIZE, key_on_timeline, listed_ids, main, make_app, settle, status
from tui.app.screens.actor_dialogs import NewActorDialog, SpellingDialog
from tui.app.screens.dialogs import ConfirmDialog
from tui.app.widgets.reader import Reader
from tui.app.widgets.reader_text import mention_spans
from tui.app.widgets.view_tree import ViewTree


def reader(app: Any) -> Reader:
    return app.screen.query_one(Reader)


def tree_nodes(app: Any, kind: str) -> list[Any]:
    tree = main(app).query_one(ViewTree)
    return [n for n in tree._tree_nodes.values() if n.data is not None and n.data.kind == kind]


async def open_article(pilot: Any, article_id: int) -> None:
    main(pilot.app).open_article(article_id)
    await pilot.pause()


def test_stored_spans_fit_the_text_the_reader_shows(demo_desk) -> None:
    desk, _config = demo_desk
    checked = 0
    for article_id in desk.ids():
        article = desk.article(article_id)
        actors = desk.actors_of(article_id)
        stored = sum(len(actor.spans) for actor in actors)
        assert len(mention_spans(article, actors)) == stored  # none out of range
        for field, start, end, _kind in mention_spans(article, actors):
            text = article.title if field == "title" else article.body
            assert text[start:end].strip() == text[start:end] != ""
            checked += 1
    assert checked > 300


async def test_mentions_are_highlighted_by_kind_from_the_theme(demo_desk) -> None:
    desk, config = demo_desk
    # an article naming a person, an organisation and a state
    target = next(i for i in desk.ids() if {"person", "org", "state"}
                  <= {a.kind for a in desk.actors_of(i)})
    article = desk.article(target)
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await open_article(pilot, target)
        panel = reader(app)
        styles = {kind: panel.style_of(kind) for kind in ("person", "org", "state")}
        assert len({s.color for s in styles.values()}) == 3  # three distinct colours
        body = app.screen.query_one("#reader-body").content
        header = app.screen.query_one("#reader-header").content
        assert body.plain.startswith(article.body)
        assert header.plain.startswith(article.title)
        marked = {(s.start, s.end, s.style) for s in body.spans}
        marked |= {(s.start, s.end, s.style) for s in header.spans}
        for actor in desk.actors_of(target):
            if not actor.listed:  # people not listed have a style of their own
                continue
            for field, start, end in actor.spans:
                shown = (body if field == "body" else header).plain[start:end]
                assert shown == (article.body if field == "body" else article.title)[start:end]
                assert (start, end, styles[actor.kind]) in marked
        app.theme = "textual-light" if app.theme != "textual-light" else "textual-dark"
        await pilot.pause()
        await pilot.pause()
        assert panel.style_of("person") != styles["person"]  # theme-aware
        body = app.screen.query_one("#reader-body").content
        assert any(s.style == panel.style_of("state") for s in body.spans)


async def test_untrusted_titles_in_the_side_panel_are_literal(demo_desk) -> None:
    desk, config = demo_desk
    target = next(i for i in desk.ids() if desk.related(i))
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await open_article(pilot, target)
        side = reader(app).side
        options = [side.related_list.get_option_at_index(i)
                   for i in range(side.related_list.option_count)]
        prompts = [str(o.prompt) for o in options if o.id is not None]  # not the divider
        for item, prompt in zip(desk.related(target), prompts, strict=True):
            assert prompt.startswith(item.title)
            assert item.feed in prompt and item.reasons in prompt


async def test_side_panel_lists_actors_and_enter_shows_the_timeline(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "enter", "tab", "tab")
        await pilot.pause()
        article_id = reader(app).article.id
        side = reader(app).side
        assert app.focused is side.actor_list
        actors = desk.actors_of(article_id)
        counts = [a.count for a in side.actors]
        assert counts == sorted(counts, reverse=True) and len(side.actors) == len(actors)
        first = str(side.actor_list.get_option_at_index(0).prompt)
        assert side.actors[0].name in first and side.actors[0].kind in first
        await pilot.press("j")
        chosen = side.selected_actor
        assert chosen is side.actors[1]
        await pilot.press("enter")
        await pilot.pause()
        assert main(app).view.kind == "actor" and main(app).view.ref == chosen.id
        assert listed_ids(app) == desk.ids(f"actor:{chosen.id}")  # newest first
        assert "Actor timeline: " + chosen.name in status(app)
        assert not reader(app).display


async def test_alias_from_a_timeline_rematches_the_cache(demo_desk) -> None:
    desk, config = demo_desk
    before = set(desk.ids("actor:north-korea"))
    capital = set(desk.ids('"Pyongyang"'))
    assert capital - before  # articles naming the capital only
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await key_on_timeline(pilot, app, "a")
        assert isinstance(app.screen, SpellingDialog)
        assert "North Korea" in app.screen.title_text
        await pilot.press(*"Pyongyang", "enter")
        await settle(pilot)
        assert "Pyongyang" in desk.actor("north-korea").aliases
        assert set(desk.ids("actor:north-korea")) == before | capital
        assert "actors matched again" in status(app)


async def test_alias_targets_the_actor_highlighted_in_the_side_panel(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "tab", "tab", "j")
        await pilot.pause()
        actor = reader(app).side.selected_actor
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, SpellingDialog) and actor.name in app.screen.title_text
        await pilot.press("escape")
        await settle(pilot)
        assert actor.aliases == desk.actor(actor.id).aliases


async def test_new_actor_with_a_kind(demo_desk) -> None:
    desk, config = demo_desk
    mentions = set(desk.ids('"Ashgabat"'))
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus")
        await pilot.pause()
        assert isinstance(app.screen, NewActorDialog)
        await pilot.press(*"Ashgabat", "enter", "down", "down", "enter")  # person, org, state
        await settle(pilot)
        actor = desk.actor("ashgabat")
        assert actor is not None and actor.kind == "state"
        assert set(desk.ids("actor:ashgabat")) == mentions
        assert "actors matched again" in status(app)


async def test_minus_forgets_an_added_actor_after_a_yes(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus")
        await pilot.pause()
        await pilot.press(*"Ashgabat", "enter", "down", "down", "enter")
        await settle(pilot)
        assert desk.actor("ashgabat") is not None
        main(app).show_actor("ashgabat", "Ashgabat")
        await pilot.pause()
        await pilot.press("minus")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog) and "Ashgabat" in app.screen.title_text
        await pilot.press("n")
        await settle(pilot)
        assert desk.actor("ashgabat") is not None and "Ashgabat kept" in status(app)
        await pilot.press("minus")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert desk.actor("ashgabat") is None
        assert desk.ids("actor:ashgabat") == []
        assert "Ashgabat forgotten" in status(app)


async def test_minus_refuses_a_bundled_actor(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await key_on_timeline(pilot, app, "minus")
        assert not isinstance(app.screen, ConfirmDialog)
        assert "comes with newsdesk" in status(app)
        assert desk.actor("north-korea") is not None
        await pilot.press("enter", "tab", "tab", "j")  # an actor highlighted in the reader
        await pilot.pause()
        actor = reader(app).side.selected_actor
        await pilot.press("minus")
        await pilot.pause()
        assert f"{actor.name} comes with newsdesk" in status(app)


async def test_enter_on_a_related_item_opens_it(demo_desk) -> None:
    desk, config = demo_desk
    first = desk.ids("is:unread")[1]
    related = desk.related(first)
    assert related
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "enter", "tab", "tab", "tab")
        side = reader(app).side
        assert app.focused is side.related_list
        await pilot.press("enter")
        await pilot.pause()
        assert reader(app).article.id == related[0].id
        assert desk.article(related[0].id).read
        assert main(app).articles.current.id == related[0].id  # the list follows


async def test_brackets_step_through_the_story_as_lists_go(demo_desk) -> None:
    """`]` is "next" as `j` and `n` are: down the story's list, newest first, so older; the
    messages say which way (`]` on the newest said "last article of the story")."""
    desk, config = demo_desk
    story = max(desk.stories(), key=lambda s: len(s.article_ids))
    listed = desk.ids(f"story:{story.id}")  # as the story's list shows them
    assert listed == list(reversed(story.article_ids))
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await open_article(pilot, listed[0])
        for at, expected in enumerate(listed[1:], 2):
            await pilot.press("right_square_bracket")
            assert reader(app).article.id == expected
            assert f"story {at}/{len(listed)}, older: " in status(app)
        await pilot.press("right_square_bracket")
        assert "oldest article of the story ([ goes to newer ones)" in status(app)
        await pilot.press("left_square_bracket")
        assert reader(app).article.id == listed[-2]
        assert f"story {len(listed) - 1}/{len(listed)}, newer: " in status(app)
        published = [desk.article(i).published for i in listed]
        assert published == sorted(published, reverse=True)


async def test_tree_stories_and_actors(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        stories = tree_nodes(app, "story")
        expected = desk.stories(limit=50)
        assert [n.data.query for n in stories] == [f"story:{s.id}" for s in expected]
        assert f"{len(expected[0].outlets)} outlets" in stories[0].data.label
        shown = str(stories[0].label)  # cut to the tree's width: the place and dates stay
        place, _people, dates = expected[0].label.split(" · ")
        unread, total = len(expected[0].article_ids), len(expected[0].article_ids)
        assert shown.startswith(place) and shown.endswith(f"{dates.split(' 20')[0]} "
                                                          f"{unread}/{total}"), shown
        tree = main(app).query_one(ViewTree)
        tree.select_node(stories[0])
        await pilot.pause()
        assert listed_ids(app) == list(reversed(expected[0].article_ids))  # by time
        assert "newest first" in status(app)
        labels = [str(n.label) for n in tree._tree_nodes.values()]
        assert "Actors (all time)" in labels  # the 2024 demo has no mentions this week
        actors = tree_nodes(app, "actor")
        top = desk.top_actors(days=None, limit=50)
        assert [n.data.ref for n in actors] == [a.id for a, _ in top]
        tree.select_node(actors[0])
        await pilot.pause()
        assert listed_ids(app) == desk.ids(f"actor:{top[0][0].id}")
        assert "Actor timeline: " in status(app)


def test_top_actors_prefer_the_last_week() -> None:
    from tui.app.views import top_actors

    class Stub:
        def __init__(self, week: list[Any], dated: bool = True) -> None:
            self.week, self.dated = week, dated

        def top_actors(self, *, days: int | None, limit: int, dated: bool = False) -> list[Any]:
            if dated and not self.dated:  # the week's only articles were dated when fetched
                return []
            return self.week if days == 7 else [("all", 9)]

    assert top_actors(Stub([("a", 2)])) == ([("a", 2)], 7)
    assert top_actors(Stub([])) == ([("all", 9)], None)
    assert top_actors(Stub([("a", 2)], dated=False)) == ([("all", 9)], None)


async def test_palette_and_remapped_key_reach_the_new_commands(tmp_path) -> None:
    from textual.command import CommandPalette
    from textual.widgets import OptionList

    from tui.core.config.loader import load_config
    from tui.core.desk import Desk

    path = support.copy_demo(tmp_path)
    path.write_text(path.read_text(encoding="utf-8") + '\n[keys]\nnew_actor = "ctrl+k"\n',
                    encoding="utf-8")
    config = load_config(path)
    with support.utc_clock(), Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+k")
            await pilot.pause()
            assert isinstance(app.screen, NewActorDialog)
            await pilot.press("escape", "ctrl+p")
            await pilot.pause()
            assert isinstance(app.screen, CommandPalette)
            await pilot.press(*"Add alias")
            options = app.screen.query_one(OptionList)
            for _ in range(50):  # the palette searches asynchronously
                await pilot.pause(0.05)
                if options.option_count and options.highlighted is not None:
                    break
            assert "Add alias (a)" in str(options.get_option_at_index(options.highlighted).prompt)
            await pilot.press("enter")
            await pilot.pause()
            assert "choose an actor first" in status(app)  # nothing selected yet


async def test_triage_acts_on_the_article_in_hand(demo_desk) -> None:
    """With the reader focused, s/N/x act on the article it shows (here a related item from
    another feed, outside the list); with the list focused, on the selected row."""
    from tui.app.views import feed_view

    desk, config = demo_desk
    target = next(i for i in desk.ids() if any(r.feed != desk.article(i).feed
                                               for r in desk.related(i)))
    other = next(r for r in desk.related(target) if r.feed != desk.article(target).feed)
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        main(app).load_view(feed_view(desk.article(target).feed))
        await open_article(pilot, other.id)
        assert "not in this view" in status(app)
        row = main(app).articles.current
        await pilot.press("3", "s")  # the reader has the focus: its article
        assert desk.article(other.id).saved and not desk.article(row.id).saved
        assert "★ saved" in str(main(app).query_one("#reader-header").render())
        await pilot.press("2", "s")  # the list has the focus: the selected row
        assert desk.article(row.id).saved
        await pilot.press("u", "u")  # one stack: both saves taken back, the last first
        assert not desk.article(row.id).saved and not desk.article(other.id).saved
        assert "undone: saved" in status(app)
