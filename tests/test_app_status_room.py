"""At 80 columns a message always shows on the status line: the view's label (a story's
dateline, an actor's timeline) yields, cut with an ellipsis, and the position stays; a
message too long for the row cuts the title or name it gives, never its verb, outcome or
key hint."""

from __future__ import annotations

import pytest

from tests.test_app_support import main, make_app, open_side, settle

SHOIGU = ("sergei-shoigu", "Sergei Shoigu")


def on_screen(app) -> str:
    """The status line as drawn (its one row), not the text given to it."""
    widget = main(app).status_line
    return "".join(segment.text for segment in widget.render_line(0))


async def refreshed_line(server, tmp_path, items: int, size: tuple[int, int],
                         *keys: str) -> str:
    """The status line after `keys` (ending in `R`) on a cache of one feed of `items` items, with
    a feed failing (404) and one read with a warning (broken XML) beside it."""
    import asyncio

    from tests.conftest import rss, write_config
    from tui.core.config.loader import load_config
    from tui.core.desk import Desk

    entries = [{"title": f"Item {n}", "link": f"http://127.0.0.1/a/{n}", "guid": f"a-{n}",
                "pubDate": f"{n + 1:02} Jun 2025 10:00:00 GMT", "description": "text"}
               for n in range(items)]
    path = write_config(tmp_path, [
        ("Alpha", server.add("/alpha.xml", body=rss(entries, "Alpha"))),
        ("Gone Wire", server.add("/gone.xml", status=404, body=b"not here")),
        ("Broken Wire", server.add("/broken.xml", body=b"<rss><channel><title>Broken"))],
        settings="extract = false")
    config = load_config(path)
    with Desk.open(config) as desk:
        await asyncio.to_thread(desk.refresh)
        app = make_app(desk, config)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await pilot.press(*keys)
            for _ in range(400):
                await pilot.pause(0.05)
                if "refreshed all feeds" in on_screen(app):
                    break
            return on_screen(app).rstrip()


async def test_a_long_story_label_makes_room_for_the_message(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        tree = main(app).view_tree
        story = max((n for n in tree._tree_nodes.values()
                     if n.data is not None and n.data.kind == "story"),
                    key=lambda n: len(n.data.label))
        tree.select_node(story)
        await settle(pilot)
        assert main(app).view.kind == "story"
        await pilot.press("s")
        await pilot.pause()
        line = on_screen(app)
        assert "saved ★" in line, line
        assert line.startswith("Story: ") and "…" in line, line
        total = len(main(app).articles.pager)
        assert f"  1/{total}  " in line, line
        assert line.rstrip().endswith("(u undoes)"), line


SIZES = [(80, 24), (160, 45)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_a_long_message_keeps_its_verb_and_undo_hint(demo_desk, size) -> None:
    """`T` then enter at 80x24 drew "removed #analysis from #20 A treaty, not an alliance:…
    (u": the title is the part that gives way (its row is in sight), never "removed #tag"
    or "(u undoes)"."""
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        listed = [row for _, row in main(app).articles.pager.rows(0, 60)]
        at = next(n for n, row in enumerate(listed) if row.tags and len(row.title) > 28)
        await pilot.press(*["j"] * at, "T")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        line = on_screen(app).rstrip()
        assert f"removed #{listed[at].tags[0]} from #{listed[at].id} " in line, line
        assert line.endswith("(u undoes)"), line
        assert len(line) <= size[0]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_a_refused_name_keeps_its_outcome_and_its_key(demo_desk, size) -> None:
    """The refusal "Putin is already a name of Vladimir Putin (vladimir-putin); nothing added
    (...)": the owner's name gives way, "nothing added" stays (cutting the text before the
    hint to keep it lost the outcome). At 80 columns the hint dropped whole: its short form
    keeps the query that lists the owner, the label giving way; at 160 the label was cut
    while the name, which gives way first, stood whole."""
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        main(app).show_actor(*SHOIGU)
        await settle(pilot)
        main(app).jobs.reanalyse("alias 'Putin' added to Sergei Shoigu",
                                 lambda: desk.add_actor_alias("sergei-shoigu", "Putin"),
                                 doing="adding 'Putin' to Sergei Shoigu")
        await settle(pilot)
        line = on_screen(app).rstrip()
        assert "Putin is already a name of V" in line, line
        assert "; nothing added" in line, line
        if size[0] >= 160:
            assert line.endswith("(f actor:vladimir-putin lists its articles)"), line
            assert line.startswith("Actor timeline: Sergei Shoigu") and "newest first  1/" in line
            assert "Vladimir Putin (" in line and "(vladimir-putin)" not in line, line
        else:
            assert line.endswith("; nothing added (f actor:vladimir-putin)"), line


def test_a_name_cut_open_is_closed_and_a_plain_message_is_left_whole() -> None:
    from tui.app.said import Give, Hint, Said, fitted

    title = Give("#15 \u2068سقوط نظام الأسد: فصائل المعارضة\u2069")
    message = Said("saved ★ ", title, Hint(" (u undoes)"))
    cut, _ = fitted(message, 30)
    assert cut.startswith("saved ★ #15 \u2068") and cut.endswith("…\u2069 (u undoes)"), cut
    assert fitted(message, 200) == (message, 0)
    assert fitted("a plain message, cut by the line", 10)[0] == "a plain message, cut by the line"
    assert Said("undone: ", Said("saved ", title)).parts[-1] is title


def test_names_give_way_before_the_label_and_the_label_before_a_short_key() -> None:
    from tui.app.said import Give, Hint, Said, fitted

    message = Said("refused ", Give("Some Long Name (some-long-name)"), "; nothing added",
                   Hint(" (f actor:some-long-name lists its articles)", " (f actor:x)"))
    whole = len(message)
    assert fitted(message, whole + 20, 20) == (message, 20)
    text, kept = fitted(message, whole + 10, 20)  # the name gives the ten columns
    assert (kept, len(text)) == (20, whole - 10) and text.endswith("its articles)"), text
    text, kept = fitted(message, whole - 11, 20)  # then the label, to its floor
    assert kept == 12 and "Some Lo…;" in text and text.endswith("its articles)"), text
    text, kept = fitted(message, 40, 20)  # the hint's short form, the label gone whole
    assert kept == 0 and text.endswith("; nothing added (f actor:x)"), text
    assert fitted(message, 25, 20) == ("refused Some Lo…; nothing added", 12)  # no room
    assert fitted("plain, cut by the line", 10, 20) == ("plain, cut by the line", 12)


def test_a_short_label_is_cut_to_a_few_columns_before_it_goes_whole() -> None:
    """After the names give way to `NAME_LAST` for a hint's short form, the label is cut
    (to `LABEL_LAST`, "Unr…") before it goes whole: one column short lost "Unread" whole."""
    from tui.app.said import LABEL_LAST, Give, Hint, Said, fitted

    message = Said("refused ", Give("Some Long Name"), "; nothing added",
                   Hint(" (f actor:some-long-name lists its articles)", " (f actor:x)"))
    tight = "refused S…; nothing added (f actor:x)"  # the name at NAME_LAST
    assert fitted(message, len(tight) + 6, 6) == (tight, 6)
    assert fitted(message, len(tight) + 5, 6) == (tight, 5)  # "Unre…": one column given
    assert fitted(message, len(tight) + LABEL_LAST, 6) == (tight, LABEL_LAST)  # "Unr…"
    whole = "refused Some…; nothing added (f actor:x)"  # the room the label left
    assert fitted(message, len(tight) + LABEL_LAST - 1, 6) == (whole, 0)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_a_refresh_line_keeps_the_key_that_lists_the_feeds(server, tmp_path,
                                                                 size) -> None:
    """`R` at 80x24 with a feed failing and one read with a warning drew "...; 1 failed; 1 with
    warnings (e li…", then nothing after "warnings": the hint is whole, or its short form."""
    line = await refreshed_line(server, tmp_path, 2, size, "R")
    assert line.startswith("Unread  1/2  refreshed all feeds: 0 new; 1 failed; "
                           "1 with warnings ("), line
    assert line.endswith("(e lists them)" if size[0] >= 160 else "(e: feeds)"), line


async def test_a_mark_keeps_the_key_that_clears_the_marks_at_80_columns(demo_desk) -> None:
    """`m` at 80x24 drew "1 article marked: s N x t T E y o act on them (M": half a hint,
    cut by the line; the view's label gives way to keep it whole."""
    app = make_app(*demo_desk)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        line = on_screen(app).rstrip()
        assert line.endswith("1 article marked: s N x t T E y o act on them (M clears)"), line
        assert "1 marked  2/" in line, line


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_another_readers_key_never_ends_in_half_a_hint(demo_desk, size) -> None:
    """Elfeed's `b` at 80x24 drew "...o opens the link in the browser (?": the help's hint
    is whole, or left out where the line has no room for it."""
    app = make_app(*demo_desk)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await pilot.pause()
        line = on_screen(app).rstrip()
        assert line.endswith("o opens the link in the browser" + (
            " (? lists every key)" if size[0] >= 160 else "")), line


async def actor_key_lines(server, tmp_path, name: str, body: str, date: str, key: str,
                          sizes: list[tuple[int, int]]) -> list[str]:
    """The status line after `key` on the actor `name` in the side list of a one-article desk
    whose text is `body`, at each size."""
    import asyncio

    from tests.conftest import rss, write_config
    from tui.core.config.loader import load_config
    from tui.core.desk import Desk

    item = {"title": "A report", "link": "http://127.0.0.1/a/1", "guid": "a-1",
            "pubDate": date, "description": body}
    path = write_config(tmp_path, [("Alpha", server.add("/alpha.xml", body=rss([item])))],
                        settings="extract = false")
    config = load_config(path)
    lines = []
    with Desk.open(config) as desk:
        await asyncio.to_thread(desk.refresh)
        [target] = desk.ids("")
        for size in sizes:
            app = make_app(desk, config)
            async with app.run_test(size=size) as pilot:
                await settle(pilot)
                side = await open_side(pilot, app, target)
                side.actor_list.highlighted = next(
                    n for n, actor in enumerate(side.actors) if actor.name == name)
                await pilot.press(key)
                await pilot.pause()
                lines.append(on_screen(app).rstrip())
    return lines


@pytest.mark.parametrize(("key", "tail"), [
    ("minus", " is not listed (L lists them)"),
    ("a", " is not listed: L lists them, then a adds spellings")])
async def test_a_long_unlisted_name_gives_way_to_the_keys(server, tmp_path, key, tail) -> None:
    """`-` on a person not listed, named at length (an invented one), drew "... is not listed
    (L lis" at 80x24: the name gives way, the keys that act on it stay whole."""
    name = "Konstantin-Maximilian Featherstonehaugh-Wolverhampton"
    body = f"Odesa's deputy mayor, {name}, said the rescue went on all night."
    [line] = await actor_key_lines(server, tmp_path, name, body, "01 Jun 2025 10:00:00 GMT",
                                   key, [(80, 24)])
    assert line.startswith("Unread  1/1  Konstantin") and "…" in line, line
    assert line.endswith(tail), line


async def test_a_four_digit_position_cuts_the_label_rather_than_drop_it(server,
                                                                        tmp_path) -> None:
    """`R` at 80x24 with the cursor at "10/12" (as at "41/56"): the line was one column
    short for "Unread" beside "(e: feeds)", and the label went whole; it is cut instead."""
    line = await refreshed_line(server, tmp_path, 12, (80, 24), *["j"] * 9, "R")
    assert line.startswith("Unre…  10/12  refreshed all feeds: 0 new; 1 failed; "
                           "1 with warnings (e: feeds)"), line


async def test_a_long_bundled_name_gives_way_to_why_it_stays(server, tmp_path) -> None:
    """`-` on a bundled actor named at length was a plain message, cut at its end ("... only
    actors and spellings you ad"): the name gives way now, and the verdict and why stay."""
    name = "Organisation for the Prohibition of Chemical Weapons"
    body = f"Inspectors of the {name} reached Douma on Saturday, a week after the attack."
    tails = [": only actors and spellings you added can be forgotten",
             ": it can't be forgotten"]
    lines = await actor_key_lines(server, tmp_path, name, body, "21 Apr 2018 10:00:00 GMT",
                                  "minus", [(120, 30), (80, 24)])
    for line, tail in zip(lines, tails, strict=True):
        assert "Organisat" in line and "…" in line, line
        assert line.endswith(" comes with newsdesk" + tail), line
